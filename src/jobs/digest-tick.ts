import { type DigestClaim, type TakeDeps, takeDueDigests } from '../domain/digests/take-due-digests.js';
import type { AppLogger } from '../logger.js';
import type { PublishReport } from '../slack/digests/publish-digests.js';
import type { Job } from './scheduler.js';

export interface DigestTickDeps extends TakeDeps {
  graceMs: number;
  publish(claims: DigestClaim[]): Promise<PublishReport>;
  logger: AppLogger;
}

/**
 * Every minute, and once at start (which is what catches up a slot missed while the app was down):
 * takes the due digest slots in the store and posts what it took.
 */
export const digestTickJob = (deps: DigestTickDeps): Job => ({
  name: 'digests',
  schedule: '* * * * *',
  runAtStart: true,
  async run(now) {
    const { claims, skipped } = await takeDueDigests(deps, now, deps.graceMs);
    for (const record of skipped) {
      deps.logger.event('warn', 'digest slot skipped: found past the grace period', {
        digest: record.id,
        missedSlots: record.missedSlots,
      });
    }
    if (claims.length === 0) return;
    const report = await deps.publish(claims);
    deps.logger.event('info', 'digests published', { claimed: claims.length, ...report });
  },
});

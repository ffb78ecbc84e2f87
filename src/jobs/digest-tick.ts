import { type DigestClaim, takeDueDigests } from '../domain/digests/take-due-digests.js';
import type { AppLogger } from '../logger.js';
import type { PublishReport } from '../slack/digests/publish-digests.js';
import type { Workspace } from '../workspaces/workspace.js';
import type { Job } from './scheduler.js';

export interface DigestTickDeps {
  newId: () => string;
  graceMs: number;
  publish(workspace: Workspace, claims: DigestClaim[]): Promise<PublishReport>;
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
  async run(workspace, now) {
    const takeDeps = { ...workspace.repositories, newId: deps.newId };
    const { claims, skipped } = await takeDueDigests(takeDeps, now, deps.graceMs);
    for (const record of skipped) {
      deps.logger.event('warn', 'digest slot skipped: found past the grace period', {
        digest: record.id,
        missedSlots: record.missedSlots,
      });
    }
    if (claims.length === 0) return;
    const report = await deps.publish(workspace, claims);
    deps.logger.event('info', 'digests published', { claimed: claims.length, ...report });
  },
});

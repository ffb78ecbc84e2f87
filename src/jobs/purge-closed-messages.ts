import type { FollowUpRepository, TrackedMessageRepository } from '../domain/ports.js';
import type { AppLogger } from '../logger.js';
import type { Job } from './scheduler.js';

/**
 * Answered customer messages matter to the digest for a week (its activity window); after 30 days
 * nothing reads them, and keeping them would make every channel's reads grow with its history. Their
 * follow-ups go too: a busy vendor's year leaves a hundred thousand of them, which the embedded store
 * would otherwise load at every start and keep in memory.
 */
export const CLOSED_MESSAGES_KEPT_DAYS = 30;

export async function runPurgeClosedMessages(
  deps: { trackedMessages: TrackedMessageRepository; followUps: FollowUpRepository; logger: AppLogger },
  now: Date,
): Promise<{ purged: number; followUps: number }> {
  const before = new Date(now.getTime() - CLOSED_MESSAGES_KEPT_DAYS * 24 * 3_600_000);
  const purged = await deps.trackedMessages.purgeClosedBefore(before);
  // A follow-up closed before `before` belongs to a message closed, so posted, before it too.
  const followUps = await deps.followUps.purgeClosedMessagesBefore(before);
  if (purged + followUps > 0)
    deps.logger.event('info', 'purged closed tracked messages', { purged, followUps, before });
  return { purged, followUps };
}

export const purgeClosedMessagesJob = (deps: { logger: AppLogger }): Job => ({
  name: 'purge-closed-messages',
  schedule: '17 3 * * *',
  async run(workspace, now) {
    const { trackedMessages, followUps } = workspace.repositories;
    await runPurgeClosedMessages({ trackedMessages, followUps, logger: deps.logger }, now);
  },
});

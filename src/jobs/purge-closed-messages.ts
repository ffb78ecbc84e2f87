import type { TrackedMessageRepository } from '../domain/ports.js';
import type { AppLogger } from '../logger.js';
import type { Job } from './scheduler.js';

/**
 * Answered customer messages matter to the digest for a week (its activity window); after 30 days
 * nothing reads them, and keeping them would make every channel's reads grow with its history.
 */
export const CLOSED_MESSAGES_KEPT_DAYS = 30;

export async function runPurgeClosedMessages(
  deps: { trackedMessages: TrackedMessageRepository; logger: AppLogger },
  now: Date,
) {
  const before = new Date(now.getTime() - CLOSED_MESSAGES_KEPT_DAYS * 24 * 3_600_000);
  const purged = await deps.trackedMessages.purgeClosedBefore(before);
  if (purged > 0) deps.logger.event('info', 'purged closed tracked messages', { purged, before });
}

export const purgeClosedMessagesJob = (deps: { logger: AppLogger }): Job => ({
  name: 'purge-closed-messages',
  schedule: '17 3 * * *',
  run: (workspace, now) =>
    runPurgeClosedMessages(
      { trackedMessages: workspace.repositories.trackedMessages, logger: deps.logger },
      now,
    ),
});

import type { WebClient } from '@slack/web-api';
import type { Clock, Repositories } from '../../domain/ports.js';
import type { WebhookEvent } from '../../domain/webhooks/webhook-events.js';
import type { AppLogger } from '../../logger.js';
import type { SlackDirectory } from '../bolt/directory.js';
import type { PacingOptions } from '../digests/paced-poster.js';

/** What sending, editing and deleting announcements work with in one workspace. */
export interface AnnouncementSenderDeps {
  /** Made with rejectRateLimitedCalls and no retries: the pacing owns every 429 and retry. */
  client: WebClient;
  repositories: Repositories;
  /** Owners are told of a hold window in their own time zone. */
  directory: Pick<SlackDirectory, 'user'>;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  logger: AppLogger;
  newId: () => string;
  pacing?: Omit<PacingOptions, 'clock' | 'sleep'>;
  /** Queues webhook events and starts their delivery; absent where no webhooks are wired (the benches). */
  publish?: (events: WebhookEvent[]) => Promise<void>;
}

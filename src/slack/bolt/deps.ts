import type { Consequences } from '../../app/consequences.js';
import type { DigestClaim } from '../../domain/digests/take-due-digests.js';
import type { Clock, Repositories } from '../../domain/ports.js';
import type { AppLogger } from '../../logger.js';
import type { PublishReport } from '../digests/publish-digests.js';
import type { SlackDirectory } from './directory.js';

/** What listeners are given; wired by hand in one place (src/rapport.ts). */
export interface SlackDeps {
  repositories: Repositories;
  directory: SlackDirectory;
  clock: Clock;
  newId: () => string;
  logger: AppLogger;
  /** Carries out what a stored change owes (cards, notices, Home tabs), after the ack. */
  consequences: Consequences;
  /** Builds and posts claimed digests within Slack's rate limits (scheduled ones and "Post now"). */
  publishDigests: (claims: DigestClaim[]) => Promise<PublishReport>;
}

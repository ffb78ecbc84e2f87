import type { Clock, Repositories } from '../domain/ports.js';
import type { AppLogger } from '../logger.js';
import type { SlackDirectory } from './directory.js';

/** What listeners are given; wired by hand in one place (src/rapport.ts). */
export interface SlackDeps {
  repositories: Repositories;
  directory: SlackDirectory;
  clock: Clock;
  newId: () => string;
  logger: AppLogger;
}

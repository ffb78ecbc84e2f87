import type { Config } from '../config.js';
import type { Clock } from '../domain/ports.js';
import type { AppLogger } from '../logger.js';
import type { Store } from '../store/open-store.js';
import type { WorkInProgress } from '../work-in-progress.js';

/** What every part of the wiring stands on: the settings, the time, the log, the store, the work going on. */
export interface Basics {
  config: Config;
  clock: Clock;
  logger: AppLogger;
  /** How waits (rate-limit pauses while posting digests) pass. */
  sleep(ms: number): Promise<void>;
  store: Store;
  /** Requests and job runs nobody waits for to their end: what shutdown and `settled()` wait for. */
  inProgress: WorkInProgress;
}

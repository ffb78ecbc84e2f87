import type { Clock, Directory, Repositories } from '../../domain/ports.js';
import type { Consequences } from '../consequences.js';

/** What the ask use cases need: the workspace's repositories, the time, people's sides, and the effects. */
export interface AskUseCaseDeps {
  repositories: Repositories;
  clock: Clock;
  directory: Directory;
  newId: () => string;
  consequences: Consequences;
}

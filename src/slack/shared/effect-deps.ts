import type { Clock } from '../../domain/ports.js';
import type { IssueTrackers } from '../../domain/trackers/tracker.js';
import type { EffectPass } from '../../effects/effect-runner.js';
import type { AppLogger } from '../../logger.js';
import type { Workspace } from '../../workspaces/workspace.js';
import type { InWorkspace } from '../bolt/deps.js';

/** What the Slack side of effects needs beyond a record's workspace: the time and the log. */
export interface EffectDeps {
  clock: Clock;
  logger: AppLogger;
  /** The workspace's engineering trackers, by name: those of the settings and those it connected. */
  trackersOf(workspace: Workspace): Promise<IssueTrackers>;
}

/** The Slack side of effects, for one pass over a record: its workspace's data and directory, the time, the log. */
export const inPass = (deps: EffectDeps, pass: EffectPass<Workspace>): InWorkspace => ({
  ...deps,
  repositories: pass.workspace.repositories,
  directory: pass.workspace.directory,
  consequences: pass.consequences,
});

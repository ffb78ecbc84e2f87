import type { Ask } from '../../domain/asks/ask.js';
import type { Partnership } from '../../domain/partnerships/partnership.js';
import { type IssueTracker, isTrackedKind, TRACKERS } from '../../domain/trackers/tracker.js';
import type { Workspace } from '../../workspaces/workspace.js';
import type { EffectDeps } from '../shared/effect-deps.js';

/**
 * The tracker an ask is about: its issue's, else the one its partnership sends its kind to, else the
 * first one the workspace has (linking an issue where nothing is routed yet).
 */
export async function trackerForAsk(
  deps: Pick<EffectDeps, 'trackerOf'>,
  workspace: Workspace,
  ask: Ask,
  partnership: Pick<Partnership, 'trackers'> | null,
): Promise<IssueTracker | null> {
  const routed = isTrackedKind(ask.kind) ? partnership?.trackers[ask.kind]?.tracker : undefined;
  const named = ask.tracker?.issue?.tracker ?? routed;
  if (named) return deps.trackerOf(workspace, named);
  for (const name of TRACKERS) {
    const tracker = await deps.trackerOf(workspace, name);
    if (tracker) return tracker;
  }
  return null;
}

import type { Actor } from '../../domain/actors.js';
import type { SlackDirectory } from '../bolt/directory.js';
import { isWorkspaceAdmin } from '../bolt/workspace-admin.js';

export const TRACKER_ADMINS_ONLY =
  'Only admins and owners of this Slack workspace (or people named in TRACKER_ADMINS) can connect trackers.';

/** A tracker's token acts for the whole workspace: its Slack admins, and the people the settings name, manage it. */
export async function isTrackerAdmin(
  directory: SlackDirectory,
  actor: Actor,
  named: readonly string[],
): Promise<boolean> {
  if (actor.side === 'vendor' && named.includes(actor.userId)) return true;
  return isWorkspaceAdmin(directory, actor);
}

import type { Actor } from '../../domain/actors.js';
import type { SlackDirectory } from './directory.js';

/** Whether the person is an admin or owner of the vendor's Slack workspace. */
export async function isWorkspaceAdmin(directory: SlackDirectory, actor: Actor): Promise<boolean> {
  if (actor.side !== 'vendor') return false;
  return (await directory.user(actor.userId))?.admin === true;
}

import type { Workspace } from '../workspaces/workspace.js';
import type { Job } from './scheduler.js';

/**
 * Every minute, and once at start: sends the announcements whose time has come, and finishes those a
 * stopped process left half sent (their deliveries' leases run out).
 */
export const sendAnnouncementsJob = (deps: {
  sendAnnouncements(workspace: Workspace): Promise<void>;
}): Job => ({
  name: 'announcements',
  schedule: '* * * * *',
  runAtStart: true,
  run: (workspace) => deps.sendAnnouncements(workspace),
});

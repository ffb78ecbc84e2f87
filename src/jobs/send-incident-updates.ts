import type { Workspace } from '../workspaces/workspace.js';
import type { Job } from './scheduler.js';

/**
 * Every minute, and once at start: finishes the incident updates that a stopped process left half sent
 * (their deliveries' leases run out) or that are still going out. A posted update starts at once.
 */
export const sendIncidentUpdatesJob = (deps: {
  sendIncidentUpdates(workspace: Workspace): Promise<void>;
}): Job => ({
  name: 'incident-updates',
  schedule: '* * * * *',
  runAtStart: true,
  run: (workspace) => deps.sendIncidentUpdates(workspace),
});

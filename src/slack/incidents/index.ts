import type { SlackDeps } from '../bolt/deps.js';
import { identifyActor, onlyVendor } from '../bolt/identify-actor.js';
import { onButton, onSubmission } from '../bolt/listen.js';
import type { Listeners } from '../bolt/listeners.js';
import type { Subcommands } from '../commands/command-args.js';
import { handleIncidentCommand } from './handle-incident-command.js';
import { handlePostUpdateButton } from './handle-update-buttons.js';
import { handleUpdateSubmission } from './handle-update-submission.js';
import { INCIDENT_ACTIONS, INCIDENT_VIEWS } from './ids.js';

const vendorOnly = [
  identifyActor,
  onlyVendor('Only people at the vendor can see and update incidents.'),
] as const;

export const incidentSubcommands = (): Subcommands => ({ incident: [...vendorOnly, handleIncidentCommand] });

/** Incidents: the list's Post update button, and the update form. */
export function registerIncidents(listeners: Listeners, deps: SlackDeps): void {
  onButton(listeners, INCIDENT_ACTIONS.postUpdate, ...vendorOnly, handlePostUpdateButton);
  onSubmission(listeners, INCIDENT_VIEWS.update, identifyActor, handleUpdateSubmission(deps));
}

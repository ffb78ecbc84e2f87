import type { SlackDeps } from '../bolt/deps.js';
import { identifyActor } from '../bolt/identify-actor.js';
import { onButton, onSubmission } from '../bolt/listen.js';
import type { Listeners } from '../bolt/listeners.js';
import { channelOfCommand, requirePartnership } from '../bolt/request-partnership.js';
import type { Subcommands } from '../commands/command-args.js';
import { handleLinkSubmission } from './handle-link-submission.js';
import { handleTrackCommand } from './handle-track-command.js';
import { handleLinkButton, handlePromiseButton, handleSendButton } from './handle-tracker-buttons.js';
import { handleTrackerCommand } from './handle-tracker-command.js';
import { TRACKER_ACTIONS, TRACKER_VIEWS } from './ids.js';

const inCommandPartnership = requirePartnership(channelOfCommand);

export const trackerSubcommands = (deps: SlackDeps): Subcommands => ({
  track: [inCommandPartnership, identifyActor, handleTrackCommand(deps)],
  tracker: [inCommandPartnership, identifyActor, handleTrackerCommand(deps)],
});

/** Engineering's tracker: the twin's Send to tracker, Link existing issue and Promise buttons, the link form. */
export function registerTrackers(listeners: Listeners, deps: SlackDeps): void {
  onButton(listeners, TRACKER_ACTIONS.send, identifyActor, handleSendButton(deps));
  onButton(listeners, TRACKER_ACTIONS.link, identifyActor, handleLinkButton);
  onButton(listeners, TRACKER_ACTIONS.promise, identifyActor, handlePromiseButton(deps));
  onSubmission(listeners, TRACKER_VIEWS.link, deps.logger, identifyActor, handleLinkSubmission(deps));
}

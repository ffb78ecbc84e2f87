import type { SlackDeps } from '../bolt/deps.js';
import { identifyActor } from '../bolt/identify-actor.js';
import { onButton, onSubmission } from '../bolt/listen.js';
import { type Listeners, runChain } from '../bolt/listeners.js';
import { channelOfCommand, requirePartnership } from '../bolt/request-partnership.js';
import type { Subcommand, Subcommands } from '../commands/command-args.js';
import { handleConnectSubmission } from './handle-connect-submission.js';
import { handleLinkSubmission } from './handle-link-submission.js';
import { handleTrackCommand } from './handle-track-command.js';
import { handleLinkButton, handlePromiseButton, handleSendButton } from './handle-tracker-buttons.js';
import { handleTrackerCommand } from './handle-tracker-command.js';
import { handleTrackerConnections, isConnectionCommand } from './handle-tracker-connections.js';
import { TRACKER_ACTIONS, TRACKER_VIEWS } from './ids.js';

const inCommandPartnership = requirePartnership(channelOfCommand);

/** `/rapport tracker` alone and its connection verbs are the workspace's; the rest needs the channel's partnership. */
function connectionsFirst(connections: Subcommand): Subcommand[number] {
  return async (args) => {
    if (!isConnectionCommand(args.context.subcommandText)) return args.next();
    await runChain(connections as unknown as Parameters<typeof runChain>[0], args as never);
  };
}

export const trackerSubcommands = (deps: SlackDeps): Subcommands => ({
  track: [inCommandPartnership, identifyActor, handleTrackCommand(deps)],
  tracker: [
    connectionsFirst([identifyActor, handleTrackerConnections(deps)] as Subcommand),
    inCommandPartnership,
    identifyActor,
    handleTrackerCommand(deps),
  ],
});

/** Engineering's tracker: the twin's Send to tracker, Link existing issue and Promise buttons, the link form. */
export function registerTrackers(listeners: Listeners, deps: SlackDeps): void {
  onButton(listeners, TRACKER_ACTIONS.send, identifyActor, handleSendButton(deps));
  onButton(listeners, TRACKER_ACTIONS.link, identifyActor, handleLinkButton);
  onButton(listeners, TRACKER_ACTIONS.promise, identifyActor, handlePromiseButton(deps));
  onSubmission(listeners, TRACKER_VIEWS.link, identifyActor, handleLinkSubmission(deps));
  onSubmission(listeners, TRACKER_VIEWS.connect, identifyActor, handleConnectSubmission(deps));
}

import type { SlackDeps } from '../bolt/deps.js';
import { identifyActor, onlyVendor } from '../bolt/identify-actor.js';
import { onSubmission } from '../bolt/listen.js';
import type { Listeners } from '../bolt/listeners.js';
import type { Subcommands } from '../commands/command-args.js';
import { handleConnectSubmission } from './handle-connect-submission.js';
import { CONNECT_VIEWS } from './ids.js';
import { CONNECT_REFUSED_TO_CUSTOMERS, openConnectModal } from './open-connect-modal.js';

export const connectSubcommands: Subcommands = {
  connect: [identifyActor, onlyVendor(CONNECT_REFUSED_TO_CUSTOMERS), openConnectModal],
};

/** `/rapport connect`: the form that creates a customer channel and invites the customer. */
export function registerConnect(listeners: Listeners, deps: SlackDeps): void {
  onSubmission(listeners, CONNECT_VIEWS.create, handleConnectSubmission(deps));
}

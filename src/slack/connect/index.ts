import type { App } from '@slack/bolt';
import type { SlackDeps } from '../bolt/deps.js';
import { guardSubmission } from '../bolt/guarded-write.js';
import type { Subcommands } from '../commands/command-args.js';
import { handleConnectSubmission } from './handle-connect-submission.js';
import { CONNECT_VIEWS } from './ids.js';
import { openConnectModal } from './open-connect-modal.js';

export const connectSubcommands: Subcommands = { connect: openConnectModal };

/** `/rapport connect`: the form that creates a customer channel and invites the customer. */
export function registerConnect(app: App, deps: SlackDeps): void {
  app.view(CONNECT_VIEWS.create, guardSubmission(deps, handleConnectSubmission(deps)));
}

import type { App } from '@slack/bolt';
import type { SlackDeps } from '../bolt/deps.js';
import { identifyActor } from '../bolt/identify-actor.js';
import { onButton, onSubmission } from '../bolt/listen.js';
import type { Subcommands } from '../commands/command-args.js';
import { handleEndpointSubmission } from './handle-endpoint-submission.js';
import {
  handleOpenEndpointForm,
  handleRemoveEndpoint,
  handleResend,
  handleRotateSecret,
  handleShowLog,
  showWebhooks,
} from './handle-webhook-buttons.js';
import { WEBHOOK_ACTIONS, WEBHOOK_VIEWS } from './ids.js';
import { onlyWebhookAdmins } from './only-admins.js';

export const webhookSubcommands = (deps: SlackDeps): Subcommands => ({
  webhooks: [identifyActor, onlyWebhookAdmins, showWebhooks(deps)],
});

/** Outbound webhooks: `/rapport webhooks`, its buttons, the endpoint form and the delivery log. */
export function registerWebhooks(app: App, deps: SlackDeps): void {
  const admin = [identifyActor, onlyWebhookAdmins] as const;
  onButton(app, WEBHOOK_ACTIONS.add, ...admin, handleOpenEndpointForm);
  onButton(app, WEBHOOK_ACTIONS.edit, ...admin, handleOpenEndpointForm);
  onButton(app, WEBHOOK_ACTIONS.rotate, ...admin, handleRotateSecret(deps));
  onButton(app, WEBHOOK_ACTIONS.remove, ...admin, handleRemoveEndpoint(deps));
  onButton(app, WEBHOOK_ACTIONS.log, ...admin, handleShowLog);
  onButton(app, WEBHOOK_ACTIONS.resend, ...admin, handleResend(deps));
  onSubmission(app, WEBHOOK_VIEWS.endpoint, deps.logger, identifyActor, handleEndpointSubmission(deps));
}

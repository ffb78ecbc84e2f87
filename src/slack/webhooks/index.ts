import type { SlackDeps } from '../bolt/deps.js';
import { identifyActor } from '../bolt/identify-actor.js';
import { onButton, onSubmission } from '../bolt/listen.js';
import type { Listeners } from '../bolt/listeners.js';
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
export function registerWebhooks(listeners: Listeners, deps: SlackDeps): void {
  const admin = [identifyActor, onlyWebhookAdmins] as const;
  onButton(listeners, WEBHOOK_ACTIONS.add, ...admin, handleOpenEndpointForm);
  onButton(listeners, WEBHOOK_ACTIONS.edit, ...admin, handleOpenEndpointForm);
  onButton(listeners, WEBHOOK_ACTIONS.rotate, ...admin, handleRotateSecret(deps));
  onButton(listeners, WEBHOOK_ACTIONS.remove, ...admin, handleRemoveEndpoint(deps));
  onButton(listeners, WEBHOOK_ACTIONS.log, ...admin, handleShowLog);
  onButton(listeners, WEBHOOK_ACTIONS.resend, ...admin, handleResend(deps));
  onSubmission(listeners, WEBHOOK_VIEWS.endpoint, identifyActor, handleEndpointSubmission(deps));
}

import type { AllMiddlewareArgs } from '@slack/bolt';
import {
  type EndpointDeps,
  removeEndpoint,
  resendDelivery,
  rotateSecret,
} from '../../app/webhooks/manage-endpoints.js';
import { DELIVERY_LOG_SIZE } from '../../domain/webhooks/webhook-delivery.js';
import { newWebhookSecret } from '../../integrations/webhooks/signature.js';
import type { Workspace } from '../../workspaces/workspace.js';
import { answerPrivately } from '../bolt/answer-privately.js';
import type { SlackDeps } from '../bolt/deps.js';
import type { ButtonArgs } from '../bolt/listen.js';
import type { ActorContext } from '../bolt/rapport-context.js';
import type { CommandArgs } from '../commands/command-args.js';
import { buildWebhookList } from './webhook-list.js';
import { buildDeliveryLogModal, buildEndpointModal, buildSecretModal } from './webhook-modals.js';

type Args = ButtonArgs & AllMiddlewareArgs<ActorContext>;

const NO_KEYS = 'Set TOKEN_ENCRYPTION_KEYS first: signing secrets are kept encrypted.';

/** What the use cases need in this workspace; null without a key to seal secrets with. */
export function endpointDeps(deps: SlackDeps, workspace: Workspace): EndpointDeps | null {
  const { seal } = deps.webhooks;
  if (!seal) return null;
  return {
    repositories: workspace.repositories,
    clock: deps.clock,
    newId: deps.newId,
    newSecret: newWebhookSecret,
    seal,
  };
}

async function listFor(deps: SlackDeps, workspace: Workspace) {
  return buildWebhookList(await workspace.repositories.webhookEndpoints.list(), deps.webhooks.seal !== null);
}

/** `/rapport webhooks`: the private list of endpoints. */
export const showWebhooks =
  (deps: SlackDeps) =>
  async ({ respond, context }: CommandArgs<ActorContext>): Promise<void> => {
    await respond({ response_type: 'ephemeral', ...(await listFor(deps, context.workspace)) });
  };

/** Add endpoint, Edit: the form. */
export const handleOpenEndpointForm = async ({ action, body, client, context }: Args): Promise<void> => {
  const endpoint =
    action.value === 'new'
      ? null
      : await context.workspace.repositories.webhookEndpoints.findById(action.value ?? '');
  await client.views.open({ trigger_id: body.trigger_id, view: buildEndpointModal(endpoint) });
};

/** Rotate secret: a new one shown once; the old one keeps signing through the overlap. */
export const handleRotateSecret =
  (deps: SlackDeps) =>
  async (args: Args): Promise<void> => {
    const { action, body, client, context } = args;
    const endpoints = endpointDeps(deps, context.workspace);
    if (!endpoints) return answerPrivately(args, { text: NO_KEYS });
    const rotated = await rotateSecret(endpoints, action.value ?? '');
    if (!rotated.ok) return answerPrivately(args, { text: rotated.error.message });
    const view = buildSecretModal(rotated.endpoint.url, rotated.secret as string, true);
    await client.views.open({ trigger_id: body.trigger_id, view });
  };

/** Remove (confirmed in Slack): gone with its log; the private list is shown again without it. */
export const handleRemoveEndpoint =
  (deps: SlackDeps) =>
  async (args: Args): Promise<void> => {
    const { action, context, respond } = args;
    const endpoints = endpointDeps(deps, context.workspace);
    if (!endpoints) return answerPrivately(args, { text: NO_KEYS });
    const removed = await removeEndpoint(endpoints, action.value ?? '');
    if (!removed.ok) return answerPrivately(args, { text: removed.error.message });
    await respond({
      response_type: 'ephemeral',
      replace_original: true,
      ...(await listFor(deps, context.workspace)),
    });
  };

async function logView(workspace: Workspace, endpointId: string, notice: string | null = null) {
  const endpoint = await workspace.repositories.webhookEndpoints.findById(endpointId);
  if (!endpoint) return null;
  const deliveries = await workspace.repositories.webhookDeliveries.listRecent(
    endpoint.id,
    DELIVERY_LOG_SIZE,
  );
  return buildDeliveryLogModal(endpoint, deliveries, notice);
}

/** Delivery log: the latest deliveries, each with Resend. */
export const handleShowLog = async (args: Args): Promise<void> => {
  const { action, body, client, context } = args;
  const view = await logView(context.workspace, action.value ?? '');
  if (!view) return answerPrivately(args, { text: 'This endpoint no longer exists.' });
  await client.views.open({ trigger_id: body.trigger_id, view });
};

/**
 * Resend, in the delivery log: the same message queued again and sent now; the log shows it, or why it
 * could not be resent.
 */
export const handleResend =
  (deps: SlackDeps) =>
  async ({ action, body, client, context }: Args): Promise<void> => {
    const { workspace } = context;
    const viewId = body.view?.id;
    if (!viewId) return;
    const { repositories } = workspace;
    const resent = await resendDelivery(
      { repositories, clock: deps.clock, newId: deps.newId },
      action.value ?? '',
    );
    if (resent.ok) deps.webhooks.deliver(workspace);
    const endpointId = resent.ok ? resent.endpointId : body.view?.private_metadata;
    const view = await logView(workspace, endpointId ?? '', resent.ok ? null : resent.error.message);
    if (view) await client.views.update({ view_id: viewId, view });
  };

import type { AllMiddlewareArgs } from '@slack/bolt';
import { saveEndpoint } from '../../app/webhooks/manage-endpoints.js';
import type { SlackDeps } from '../bolt/deps.js';
import type { SubmissionArgs } from '../bolt/listen.js';
import type { ActorContext } from '../bolt/rapport-context.js';
import { endpointDeps } from './handle-webhook-buttons.js';
import { WEBHOOK_BLOCKS } from './ids.js';
import { ADMINS_ONLY, isWebhookAdmin } from './only-admins.js';
import { parseEndpointSubmission } from './parse-endpoint-submission.js';
import { buildSecretModal } from './webhook-modals.js';

/**
 * Saves the endpoint form, checked before the ack so a problem shows at its field with the input kept.
 * A new endpoint's secret replaces the form, shown once.
 */
export const handleEndpointSubmission =
  (deps: SlackDeps) =>
  async ({ ack, view, context }: SubmissionArgs & AllMiddlewareArgs<ActorContext>): Promise<void> => {
    const fail = (message: string, blockId: string = WEBHOOK_BLOCKS.url) =>
      ack({ response_action: 'errors', errors: { [blockId]: message } });
    if (!(await isWebhookAdmin(context.workspace.directory, context.actor))) return fail(ADMINS_ONLY);
    const endpoints = endpointDeps(deps, context.workspace);
    if (!endpoints) return fail('Set TOKEN_ENCRYPTION_KEYS first: signing secrets are kept encrypted.');
    const parsed = parseEndpointSubmission(view.private_metadata, view.state.values);
    if (!parsed) return fail('This form could not be read. Close it and try again.');
    const { id, input } = parsed;
    const saved = await saveEndpoint(endpoints, id, input, context.actor.userId);
    if (!saved.ok) return fail(saved.error.message, WEBHOOK_BLOCKS[saved.error.field ?? 'url']);
    if (saved.secret === null) return ack();
    await ack({ response_action: 'update', view: buildSecretModal(saved.endpoint.url, saved.secret, false) });
  };

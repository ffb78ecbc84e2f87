import type { WebhookEndpoint } from '../../domain/webhooks/webhook-endpoint.js';
import type { AppLogger } from '../../logger.js';
import type { Workspace } from '../../workspaces/workspace.js';
import { COMMAND } from '../commands/ids.js';
import { escapeText } from '../shared/escape.js';

/** The receiver said 410 Gone: whoever added the endpoint hears it privately, by DM (never in a channel). */
export async function tellEndpointDisabled(
  workspace: Workspace,
  endpoint: WebhookEndpoint,
  logger: AppLogger,
): Promise<void> {
  logger.event('warn', 'webhook endpoint disabled: the receiver answered 410 Gone', {
    endpoint: endpoint.id,
  });
  if (!endpoint.createdBy) return;
  const text =
    `The webhook endpoint ${escapeText(endpoint.url)} answered 410 Gone, so Rapport stopped sending it events. ` +
    `Save it again in \`${COMMAND} webhooks\` to send again, or remove it.`;
  await workspace.effectClient.chat.postMessage({ channel: endpoint.createdBy, text });
}

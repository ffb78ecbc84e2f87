import type { IncomingMessage } from 'node:http';
import { signedInHeader, type TrackerWebhookSpec } from '../tracker-webhook-route.js';

/** The delivery id from its header, the event from the body (`webhookEvent`). */
function jiraDelivery(req: IncomingMessage, payload: Record<string, unknown>) {
  const id = req.headers['x-atlassian-webhook-identifier'];
  const event = payload.webhookEvent;
  return typeof id === 'string' && id && typeof event === 'string' && event ? { id, event } : null;
}

/**
 * POST /webhooks/jira: an admin webhook with a secret signs with `X-Hub-Signature`; the delivery id
 * (`X-Atlassian-Webhook-Identifier`, the same on Jira's retries) is claimed once, which is the replay
 * guard (Jira sends no timestamp header). The event is named in the body (`webhookEvent`).
 */
export const JIRA_WEBHOOK: TrackerWebhookSpec = {
  label: 'Jira',
  path: '/webhooks/jira',
  signed: signedInHeader('x-hub-signature'),
  delivery: jiraDelivery,
};

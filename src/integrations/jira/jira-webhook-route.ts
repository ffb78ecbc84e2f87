import type { CustomRoute } from '@slack/bolt';
import type { Clock } from '../../domain/ports.js';
import type { AppLogger } from '../../logger.js';
import { type TrackerWebhookTarget, trackerWebhookRoute } from '../tracker-webhook-route.js';

/**
 * POST /webhooks/jira: an admin webhook with a secret signs with `X-Hub-Signature`; the delivery id
 * (`X-Atlassian-Webhook-Identifier`, the same on Jira's retries) is claimed once, which is the replay
 * guard (Jira sends no timestamp header). The event is named in the body (`webhookEvent`).
 */
export const jiraWebhookRoute = (
  target: () => TrackerWebhookTarget | null,
  deps: { clock: Clock; logger: AppLogger },
): CustomRoute =>
  trackerWebhookRoute(
    {
      tracker: 'jira',
      label: 'Jira',
      signatureHeader: 'x-hub-signature',
      deliveryHeader: 'x-atlassian-webhook-identifier',
      eventOf: (_req, payload) =>
        typeof payload.webhookEvent === 'string' ? payload.webhookEvent : undefined,
    },
    target,
    deps,
  );

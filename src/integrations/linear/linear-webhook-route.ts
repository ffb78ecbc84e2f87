import { deliveryHeaders, signedInHeader, type TrackerWebhookSpec } from '../tracker-webhook-route.js';

/** Linear signs `webhookTimestamp` (ms) into the body: older (or later) than this, a delivery is a replay. */
export const LINEAR_WEBHOOK_TOLERANCE_MS = 60_000;

/**
 * POST /webhooks/linear: `Linear-Signature` (hex HMAC-SHA256 of the raw body), the body's
 * `webhookTimestamp` within a minute of now (stale: 401), `Linear-Delivery` and `Linear-Event`.
 */
export const LINEAR_WEBHOOK: TrackerWebhookSpec = {
  label: 'Linear',
  path: '/webhooks/linear',
  signed: signedInHeader('linear-signature', ''),
  fresh: (payload, now) =>
    typeof payload.webhookTimestamp === 'number' &&
    Math.abs(now.getTime() - payload.webhookTimestamp) <= LINEAR_WEBHOOK_TOLERANCE_MS,
  delivery: deliveryHeaders('linear-delivery', 'linear-event'),
};

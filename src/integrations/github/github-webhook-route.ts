import { deliveryHeaders, signedInHeader, type TrackerWebhookSpec } from '../tracker-webhook-route.js';

/** POST /webhooks/github: `X-Hub-Signature-256`, `X-GitHub-Delivery` and `X-GitHub-Event`. */
export const GITHUB_WEBHOOK: TrackerWebhookSpec = {
  label: 'GitHub',
  path: '/webhooks/github',
  signed: signedInHeader('x-hub-signature-256'),
  delivery: deliveryHeaders('x-github-delivery', 'x-github-event'),
};

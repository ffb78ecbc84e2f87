import type { CustomRoute } from '@slack/bolt';
import type { Clock } from '../../domain/ports.js';
import type { AppLogger } from '../../logger.js';
import { deliveryHeaders, type TrackerWebhookTarget, trackerWebhookRoute } from '../tracker-webhook-route.js';
import { hasValidSignature } from '../webhook-request.js';

/** POST /webhooks/github: `X-Hub-Signature-256`, `X-GitHub-Delivery` and `X-GitHub-Event`. */
export const githubWebhookRoute = (
  target: () => TrackerWebhookTarget | null,
  deps: { clock: Clock; logger: AppLogger },
): CustomRoute =>
  trackerWebhookRoute(
    {
      label: 'GitHub',
      path: '/webhooks/github',
      signed: (req, body, secret) => {
        const signature = req.headers['x-hub-signature-256'];
        return hasValidSignature(typeof signature === 'string' ? signature : undefined, body, secret);
      },
      delivery: deliveryHeaders('x-github-delivery', 'x-github-event'),
    },
    target,
    deps,
  );

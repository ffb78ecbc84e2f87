import type { CustomRoute } from '@slack/bolt';
import type { Clock } from '../../domain/ports.js';
import type { AppLogger } from '../../logger.js';
import {
  deliveryHeaders,
  signedInHeader,
  type TrackerWebhookTarget,
  trackerWebhookRoute,
} from '../tracker-webhook-route.js';

/** POST /webhooks/github: `X-Hub-Signature-256`, `X-GitHub-Delivery` and `X-GitHub-Event`. */
export const githubWebhookRoute = (
  target: () => TrackerWebhookTarget | null,
  deps: { clock: Clock; logger: AppLogger },
): CustomRoute =>
  trackerWebhookRoute(
    {
      label: 'GitHub',
      path: '/webhooks/github',
      signed: signedInHeader('x-hub-signature-256'),
      delivery: deliveryHeaders('x-github-delivery', 'x-github-event'),
    },
    target,
    deps,
  );

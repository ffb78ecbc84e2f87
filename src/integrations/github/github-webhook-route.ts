import type { CustomRoute } from '@slack/bolt';
import type { Clock } from '../../domain/ports.js';
import type { AppLogger } from '../../logger.js';
import { type TrackerWebhookTarget, trackerWebhookRoute } from '../tracker-webhook-route.js';

/** POST /webhooks/github: signed with `X-Hub-Signature-256`, the event named by `X-GitHub-Event`. */
export const githubWebhookRoute = (
  target: () => TrackerWebhookTarget | null,
  deps: { clock: Clock; logger: AppLogger },
): CustomRoute =>
  trackerWebhookRoute(
    {
      tracker: 'github',
      label: 'GitHub',
      signatureHeader: 'x-hub-signature-256',
      deliveryHeader: 'x-github-delivery',
      eventOf: (req) => {
        const event = req.headers['x-github-event'];
        return typeof event === 'string' ? event : undefined;
      },
    },
    target,
    deps,
  );

import type { Repositories } from '../../domain/ports.js';
import type { WebhookEndpoint } from '../../domain/webhooks/webhook-endpoint.js';
import type { WebhookSettings } from '../../webhook-settings.js';

/** The id of the endpoint a single-workspace deployment configures in its settings. */
export const ENV_ENDPOINT_ID = 'env';

/**
 * Brings the stored copy of the settings' endpoint up to the settings (or removes it), so its deliveries
 * and log work as any other's. It keeps its creation time (older events stay unsent) and, unless its URL
 * changed, a 410's disabling.
 */
export async function syncEnvEndpoint(
  repositories: Repositories,
  settings: WebhookSettings,
  now: Date,
): Promise<void> {
  const stored = await repositories.webhookEndpoints.findById(ENV_ENDPOINT_ID);
  const wanted = settings.endpoint;
  if (!wanted) {
    if (stored) await repositories.webhookEndpoints.remove(ENV_ENDPOINT_ID);
    return;
  }
  const sameUrl = stored?.url === wanted.url;
  const endpoint: WebhookEndpoint = {
    id: ENV_ENDPOINT_ID,
    url: wanted.url,
    events: wanted.events,
    tags: wanted.tags,
    internal: wanted.internal,
    secrets: [],
    source: 'env',
    createdBy: null,
    createdAt: stored?.createdAt ?? now,
    disabledAt: sameUrl ? (stored?.disabledAt ?? null) : null,
  };
  await repositories.webhookEndpoints.save(endpoint);
}

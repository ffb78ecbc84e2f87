import { checkTags, parseTags } from '../../domain/partnerships/partnership-tags.js';
import type { Clock, Repositories } from '../../domain/ports.js';
import { resentDelivery } from '../../domain/webhooks/webhook-delivery.js';
import {
  checkEndpointUrl,
  type EndpointInputError,
  rotatedSecrets,
  type WebhookEndpoint,
} from '../../domain/webhooks/webhook-endpoint.js';
import type { WebhookEventType } from '../../domain/webhooks/webhook-events.js';

export interface EndpointDeps {
  repositories: Pick<Repositories, 'webhookEndpoints' | 'webhookDeliveries'>;
  clock: Clock;
  newId(): string;
  /** A fresh `whsec_` secret. */
  newSecret(): string;
  /** Seals a secret for the store. */
  seal(secret: string): string;
}

export interface EndpointInput {
  url: string;
  events: WebhookEventType[];
  /** Partnership tags as typed; none: every partnership. */
  tags: string;
  internal: boolean;
}

export type EndpointRefusal = EndpointInputError | { field: null; message: string };

type Saved =
  | { ok: true; endpoint: WebhookEndpoint; secret: string | null }
  | { ok: false; error: EndpointRefusal };

/** Endpoints per workspace: each event is queued and sent once per endpoint. */
export const MAX_ENDPOINTS = 10;

const notFound = { ok: false as const, error: { field: null, message: 'This endpoint no longer exists.' } };
const fromSettings = {
  ok: false as const,
  error: { field: null, message: 'This endpoint comes from the settings (WEBHOOK_URL); change it there.' },
};

/**
 * Adds an endpoint (`id` null) with a fresh secret, returned once to be shown to the admin, or edits one.
 * Saving a disabled endpoint enables it again.
 */
export async function saveEndpoint(
  deps: EndpointDeps,
  id: string | null,
  input: EndpointInput,
  by: string,
): Promise<Saved> {
  const url = checkEndpointUrl(input.url);
  if (!url.ok) return { ok: false, error: url.error };
  const tags = parseTags(input.tags);
  const tagProblem = checkTags(tags);
  if (tagProblem !== null) return { ok: false, error: { field: 'tags', message: tagProblem } };
  const fields = { url: url.url, events: input.events, tags, internal: input.internal, disabledAt: null };
  if (id === null) {
    if ((await deps.repositories.webhookEndpoints.list()).length >= MAX_ENDPOINTS) {
      return {
        ok: false,
        error: {
          field: 'url',
          message: `A workspace has at most ${MAX_ENDPOINTS} endpoints: remove one first.`,
        },
      };
    }
    const secret = deps.newSecret();
    const endpoint: WebhookEndpoint = {
      id: deps.newId(),
      ...fields,
      secrets: [{ sealed: deps.seal(secret), retiresAt: null }],
      source: 'slack',
      createdBy: by,
      createdAt: deps.clock.now(),
    };
    await deps.repositories.webhookEndpoints.save(endpoint);
    return { ok: true, endpoint, secret };
  }
  const stored = await deps.repositories.webhookEndpoints.findById(id);
  if (!stored) return notFound;
  if (stored.source === 'env') return fromSettings;
  const endpoint = { ...stored, ...fields };
  await deps.repositories.webhookEndpoints.save(endpoint);
  return { ok: true, endpoint, secret: null };
}

/** A new secret, returned once; the previous one keeps signing beside it for the overlap. */
export async function rotateSecret(deps: EndpointDeps, id: string): Promise<Saved> {
  const stored = await deps.repositories.webhookEndpoints.findById(id);
  if (!stored) return notFound;
  if (stored.source === 'env') return fromSettings;
  const secret = deps.newSecret();
  const endpoint = { ...stored, secrets: rotatedSecrets(stored, deps.seal(secret), deps.clock.now()) };
  await deps.repositories.webhookEndpoints.save(endpoint);
  return { ok: true, endpoint, secret };
}

/** Removes an endpoint added in Slack, with its queue and log. */
export async function removeEndpoint(
  deps: EndpointDeps,
  id: string,
): Promise<{ ok: true } | { ok: false; error: EndpointRefusal }> {
  const stored = await deps.repositories.webhookEndpoints.findById(id);
  if (!stored) return notFound;
  if (stored.source === 'env') return fromSettings;
  await deps.repositories.webhookEndpoints.remove(id);
  await deps.repositories.webhookDeliveries.removeEndpoint(id);
  return { ok: true };
}

/** Queues a logged delivery again, as the same message; the caller starts delivering. */
export async function resendDelivery(
  deps: Pick<EndpointDeps, 'repositories' | 'clock' | 'newId'>,
  deliveryId: string,
): Promise<{ ok: true; endpointId: string } | { ok: false; error: EndpointRefusal }> {
  const logged = await deps.repositories.webhookDeliveries.findById(deliveryId);
  if (!logged)
    return { ok: false, error: { field: null, message: 'This delivery is no longer in the log.' } };
  const endpoint = await deps.repositories.webhookEndpoints.findById(logged.endpointId);
  if (!endpoint) return notFound;
  if (endpoint.disabledAt !== null) {
    return { ok: false, error: { field: null, message: 'This endpoint is disabled: save it again first.' } };
  }
  await deps.repositories.webhookDeliveries.resend(resentDelivery(logged, deps.newId(), deps.clock.now()));
  return { ok: true, endpointId: endpoint.id };
}

import type { WebhookEvent, WebhookEventType } from './webhook-events.js';

/** A signing secret, sealed at rest; a rotated-out one keeps signing until `retiresAt` (the overlap). */
export interface SealedSecret {
  sealed: string;
  retiresAt: Date | null;
}

/** Where a workspace's events go: configured by a vendor admin in Slack, or from the environment. */
export interface WebhookEndpoint {
  id: string;
  url: string;
  /** The event types it receives; empty: every type. */
  events: WebhookEventType[];
  /** Only events of partnerships with one of these tags; empty: every partnership. */
  tags: string[];
  /** Internal endpoints (the vendor's own systems) also receive internal notes. */
  internal: boolean;
  /** The current secret first. Empty for an endpoint from the environment (its secret is a setting). */
  secrets: SealedSecret[];
  source: 'slack' | 'env';
  /** Who added it: told privately when it is disabled. Null from the environment. */
  createdBy: string | null;
  createdAt: Date;
  /** Set when the receiver answered 410 Gone; nothing is delivered until an admin saves it again. */
  disabledAt: Date | null;
}

/** How long a rotated-out secret keeps signing beside the new one, so receivers can switch over. */
export const SECRET_OVERLAP_MS = 24 * 3_600_000;

/**
 * Whether the endpoint is to get the event: enabled, subscribed to its type and its partnership's tags,
 * not older than it, internal if need be.
 */
export const receives = (endpoint: WebhookEndpoint, event: WebhookEvent): boolean =>
  endpoint.disabledAt === null &&
  (endpoint.events.length === 0 || endpoint.events.includes(event.type)) &&
  (endpoint.tags.length === 0 || endpoint.tags.some((tag) => event.partnershipTags.includes(tag))) &&
  (endpoint.internal || !event.internalOnly) &&
  event.at.getTime() >= endpoint.createdAt.getTime();

/** The secrets that sign at `now`: the current one, and rotated-out ones still in their overlap. */
export const signingSecrets = (endpoint: WebhookEndpoint, now: Date): SealedSecret[] =>
  endpoint.secrets.filter((s) => s.retiresAt === null || s.retiresAt.getTime() > now.getTime());

/** The secrets after a rotation: `sealed` becomes current, the previous current one retires after the overlap. */
export function rotatedSecrets(endpoint: WebhookEndpoint, sealed: string, now: Date): SealedSecret[] {
  const retiresAt = new Date(now.getTime() + SECRET_OVERLAP_MS);
  const kept = signingSecrets(endpoint, now).map((s) => ({
    sealed: s.sealed,
    retiresAt: s.retiresAt ?? retiresAt,
  }));
  return [{ sealed, retiresAt: null }, ...kept];
}

export type EndpointInputError = { field: 'url' | 'events' | 'tags'; message: string };

const MAX_URL_LENGTH = 2_000;

/**
 * Checks a URL an admin typed: absolute http(s), no credentials in it. Where it points (a private
 * address) is checked when connecting, on the addresses DNS actually gives.
 */
export function checkEndpointUrl(
  text: string,
): { ok: true; url: string } | { ok: false; error: EndpointInputError } {
  const fail = (message: string) => ({ ok: false as const, error: { field: 'url' as const, message } });
  const trimmed = text.trim();
  if (trimmed.length > MAX_URL_LENGTH) return fail(`Use at most ${MAX_URL_LENGTH} characters.`);
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return fail('Enter a full URL, such as https://hooks.example.com/rapport.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return fail('Only http and https URLs can receive events.');
  if (url.username || url.password)
    return fail('Leave credentials out of the URL; requests are signed instead.');
  return { ok: true, url: url.toString() };
}

import type { EndpointInput } from '../../app/webhooks/manage-endpoints.js';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../domain/webhooks/webhook-events.js';
import { INPUT } from '../shared/ids.js';
import { element, viewStateValues } from '../shared/view-state.js';
import { INTERNAL_CHOICE, WEBHOOK_BLOCKS } from './ids.js';

const isEventType = (value: string): value is WebhookEventType =>
  (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);

/**
 * The endpoint form as submitted: its id ('' for a new one), URL, event types, tags and whether it is internal;
 * null when the payload cannot be read.
 */
export function parseEndpointSubmission(
  metadata: string,
  rawValues: unknown,
): { id: string | null; input: EndpointInput } | null {
  const parsed = viewStateValues.safeParse(rawValues);
  if (!parsed.success) return null;
  const values = parsed.data;
  const events = (element(values, WEBHOOK_BLOCKS.events, INPUT).selected_options ?? [])
    .map((o) => o.value)
    .filter(isEventType);
  const internal = (element(values, WEBHOOK_BLOCKS.internal, INPUT).selected_options ?? []).some(
    (o) => o.value === INTERNAL_CHOICE,
  );
  return {
    id: metadata === '' ? null : metadata,
    input: {
      url: element(values, WEBHOOK_BLOCKS.url, INPUT).value ?? '',
      events,
      tags: element(values, WEBHOOK_BLOCKS.tags, INPUT).value ?? '',
      internal,
    },
  };
}

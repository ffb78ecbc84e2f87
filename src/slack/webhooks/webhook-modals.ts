import type { KnownBlock, View } from '@slack/types';
import type { WebhookDelivery } from '../../domain/webhooks/webhook-delivery.js';
import type { WebhookEndpoint } from '../../domain/webhooks/webhook-endpoint.js';
import { WEBHOOK_EVENT_TYPES } from '../../domain/webhooks/webhook-events.js';
import { context, plain, section } from '../shared/blocks.js';
import { safeText } from '../shared/escape.js';
import { input, textInput, withInitial } from '../shared/inputs.js';
import { INTERNAL_CHOICE, WEBHOOK_ACTIONS, WEBHOOK_BLOCKS, WEBHOOK_VIEWS } from './ids.js';

const option = (value: string) => ({ text: plain(value), value });
const internalOption = {
  text: plain('Include internal notes'),
  description: plain('Only for the vendor’s own systems: customers must never see these.'),
  value: INTERNAL_CHOICE,
};

/**
 * The add/edit form: URL, the event types it receives (none chosen: all), the partnerships' tags it is
 * for (none: all), whether it is internal.
 */
export function buildEndpointModal(endpoint: WebhookEndpoint | null): View {
  return {
    type: 'modal',
    callback_id: WEBHOOK_VIEWS.endpoint,
    private_metadata: endpoint?.id ?? '',
    title: plain(endpoint ? 'Edit endpoint' : 'Add endpoint'),
    submit: plain('Save'),
    close: plain('Cancel'),
    blocks: [
      textInput(WEBHOOK_BLOCKS.url, 'URL', {
        max: 2000,
        ...(endpoint ? { initial: endpoint.url } : {}),
        hint: 'https only in practice; private and loopback addresses are refused.',
      }),
      input(
        WEBHOOK_BLOCKS.events,
        'Events (none chosen: all)',
        {
          type: 'multi_static_select',
          options: WEBHOOK_EVENT_TYPES.map(option),
          ...withInitial('initial_options', endpoint?.events.map(option)),
        },
        { optional: true },
      ),
      textInput(WEBHOOK_BLOCKS.tags, 'Partnership tags (none: every partnership)', {
        max: 700,
        optional: true,
        ...(endpoint && endpoint.tags.length > 0 ? { initial: endpoint.tags.join(', ') } : {}),
        hint: 'Only events of partnerships with one of these tags (set in /rapport setup or /rapport tags).',
      }),
      input(
        WEBHOOK_BLOCKS.internal,
        'Internal',
        {
          type: 'checkboxes',
          options: [internalOption],
          ...withInitial('initial_options', endpoint?.internal ? [internalOption] : null),
        },
        { optional: true },
      ),
    ],
  };
}

/** The signing secret, shown once, privately. */
export function buildSecretModal(url: string, secret: string, rotated: boolean): View {
  const overlap = rotated
    ? 'The previous secret keeps signing beside this one for 24 hours (two signatures in `webhook-signature`), so switch your receiver over within that time.'
    : 'Your receiver checks `webhook-signature` against it, per the Standard Webhooks spec.';
  return {
    type: 'modal',
    title: plain('Signing secret'),
    close: plain('Done'),
    blocks: [
      section(`Signing secret for *${safeText(url, 500)}*. Copy it now: it is shown only this once.`),
      section(`\`${secret}\``),
      context(overlap),
    ],
  };
}

const LOG_STATUS: Record<WebhookDelivery['status'], string> = {
  pending: 'pending',
  delivered: 'delivered',
  failed: 'failed',
  given_up: 'given up after 24 h',
};

function deliveryBlock(delivery: WebhookDelivery): KnownBlock {
  const at = (delivery.lastAttemptAt ?? delivery.createdAt).toISOString().slice(0, 19).replace('T', ' ');
  const answer = delivery.lastStatus
    ? `HTTP ${delivery.lastStatus}`
    : (delivery.lastError ?? 'not tried yet');
  const text =
    `*${delivery.type}* · ${LOG_STATUS[delivery.status]} · ${at} UTC\n` +
    `${delivery.attempts} attempt${delivery.attempts === 1 ? '' : 's'} · ${safeText(answer, 200)} · \`${delivery.eventId}\``;
  return {
    type: 'section',
    text: { type: 'mrkdwn', text },
    accessory: {
      type: 'button',
      text: plain('Resend'),
      action_id: WEBHOOK_ACTIONS.resend,
      value: delivery.id,
    },
  };
}

/** The latest deliveries to one endpoint, newest first, each with Resend; `notice`: why a resend was refused. */
export function buildDeliveryLogModal(
  endpoint: WebhookEndpoint,
  deliveries: WebhookDelivery[],
  notice: string | null = null,
): View {
  return {
    type: 'modal',
    private_metadata: endpoint.id,
    title: plain('Delivery log'),
    close: plain('Close'),
    blocks: [
      section(`Latest deliveries to *${safeText(endpoint.url, 500)}*`),
      ...(notice ? [context(`:warning: ${notice}`)] : []),
      ...(deliveries.length === 0 ? [context('Nothing sent yet.')] : deliveries.map(deliveryBlock)),
    ],
  };
}

import { describe, expect, it } from 'vitest';
import { MAX_ENDPOINTS } from '../../../src/app/webhooks/manage-endpoints.js';
import { DELIVERY_LOG_SIZE, type WebhookDelivery } from '../../../src/domain/webhooks/webhook-delivery.js';
import type { WebhookEndpoint } from '../../../src/domain/webhooks/webhook-endpoint.js';
import { WEBHOOK_EVENT_TYPES } from '../../../src/domain/webhooks/webhook-events.js';
import { validateMessage, validateView } from '../../../src/playground/slack-simulator/index.js';
import { buildWebhookList } from '../../../src/slack/webhooks/webhook-list.js';
import {
  buildDeliveryLogModal,
  buildEndpointModal,
  buildSecretModal,
} from '../../../src/slack/webhooks/webhook-modals.js';

// The longest URL the form takes, with what a hostile admin or DNS name could put in a path.
const longUrl = `https://hooks.example.com/${'<!channel>@here'.repeat(130)}`.slice(0, 2000);
const endpoint = (i: number): WebhookEndpoint => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  url: longUrl,
  events: [...WEBHOOK_EVENT_TYPES],
  tags: Array.from({ length: 20 }, (_, t) => `tag-${t}-${'x'.repeat(22)}`),
  internal: true,
  secrets: [{ sealed: 'v1.k1.a.b.c', retiresAt: null }],
  source: i === 0 ? 'env' : 'slack',
  createdBy: 'UALICE001',
  createdAt: new Date('2026-11-20T00:00:00Z'),
  disabledAt: i % 2 ? new Date('2026-11-21T00:00:00Z') : null,
});
const delivery = (i: number): WebhookDelivery => ({
  id: `e1:ev${i}`,
  endpointId: 'e1',
  eventId: `ask_${'a'.repeat(36)}_${i}_ask.changed`,
  type: 'ask.changed',
  orderKey: 'ask:a',
  seq: i,
  body: '{}',
  createdAt: new Date('2026-11-24T09:00:00Z'),
  status: i % 3 ? 'given_up' : 'pending',
  attempts: 14,
  nextAttemptAt: new Date('2026-11-24T09:00:00Z'),
  lastAttemptAt: new Date('2026-11-25T09:00:00Z'),
  lastStatus: null,
  lastError: `getaddrinfo ENOTFOUND ${'x'.repeat(300)} <!here>`,
});

describe('webhook views at their largest', () => {
  it('keep within Block Kit limits and show no mention from a URL or an error', () => {
    const list = buildWebhookList(
      Array.from({ length: MAX_ENDPOINTS }, (_, i) => endpoint(i)),
      true,
    );
    expect(validateMessage(list)).toEqual([]);
    const views = [
      buildEndpointModal(endpoint(1)),
      buildEndpointModal(null),
      buildSecretModal(longUrl, `whsec_${'A'.repeat(44)}`, true),
      buildDeliveryLogModal(
        endpoint(1),
        Array.from({ length: DELIVERY_LOG_SIZE }, (_, i) => delivery(i)),
        'This endpoint is disabled: save it again first.',
      ),
    ];
    for (const view of views) expect(validateView(view)).toEqual([]);
    // The form's URL is an input's plain-text value (never rendered as mrkdwn); the rest is mrkdwn.
    for (const shown of [list, ...views.slice(2)]) {
      expect(JSON.stringify(shown)).not.toMatch(/<!channel>|<!here>|(?<![\u2060])@here/);
    }
  });
});

import type { KnownBlock } from '@slack/types';
import type { WebhookEndpoint } from '../../domain/webhooks/webhook-endpoint.js';
import { COMMAND } from '../commands/ids.js';
import { context, type MessageContent, plain, section } from '../shared/blocks.js';
import { safeText } from '../shared/escape.js';
import { WEBHOOK_ACTIONS } from './ids.js';

const button = (text: string, actionId: string, value: string, extra: Record<string, unknown> = {}) => ({
  type: 'button' as const,
  text: plain(text),
  action_id: actionId,
  value,
  ...extra,
});

const removeConfirm = {
  confirm: {
    title: plain('Remove this endpoint?'),
    text: plain('It stops receiving events, and its delivery log is deleted.'),
    confirm: plain('Remove'),
    deny: plain('Keep'),
    style: 'danger',
  },
};

function describe(endpoint: WebhookEndpoint): string {
  const events = endpoint.events.length === 0 ? 'all events' : endpoint.events.join(', ');
  const facts = [
    events,
    endpoint.tags.length > 0 ? `partnerships tagged ${endpoint.tags.join(' or ')}` : null,
    endpoint.internal ? 'internal notes included' : null,
    endpoint.source === 'env' ? 'from the settings (WEBHOOK_URL)' : null,
    endpoint.disabledAt
      ? `*disabled* (410 Gone, ${endpoint.disabledAt.toISOString().slice(0, 16)} UTC)`
      : null,
  ];
  return `*${safeText(endpoint.url, 500)}*\n${facts.filter(Boolean).join(' · ')}`;
}

function endpointBlocks(endpoint: WebhookEndpoint): KnownBlock[] {
  const id = endpoint.id;
  const fromSlack = endpoint.source === 'slack';
  const elements = [
    ...(fromSlack
      ? [button('Edit', WEBHOOK_ACTIONS.edit, id), button('Rotate secret', WEBHOOK_ACTIONS.rotate, id)]
      : []),
    button('Delivery log', WEBHOOK_ACTIONS.log, id),
    ...(fromSlack
      ? [button('Remove', WEBHOOK_ACTIONS.remove, id, { style: 'danger', ...removeConfirm })]
      : []),
  ];
  return [section(describe(endpoint)), { type: 'actions', elements } as KnownBlock];
}

/** The private list of a workspace's endpoints, with what an admin can do to each, and Add endpoint. */
export function buildWebhookList(endpoints: WebhookEndpoint[], canAdd: boolean): MessageContent {
  const intro =
    endpoints.length === 0
      ? 'No webhook endpoints yet. Rapport can send its events (asks, approvals, digests, feedback, departures) to your CRM, warehouse or automation tool, signed per the Standard Webhooks spec.'
      : `*Webhook endpoints* (${endpoints.length})`;
  const add: KnownBlock[] = canAdd
    ? [
        {
          type: 'actions',
          elements: [button('Add endpoint', WEBHOOK_ACTIONS.add, 'new', { style: 'primary' })],
        },
      ]
    : [
        context(
          'Endpoints can be added once TOKEN_ENCRYPTION_KEYS is set: their signing secrets are kept encrypted.',
        ),
      ];
  return {
    text: `Webhook endpoints (${endpoints.length})`,
    blocks: [
      section(intro),
      ...endpoints.flatMap(endpointBlocks),
      ...add,
      context(`Only you see this. \`${COMMAND} webhooks\` shows it again.`),
    ],
  };
}

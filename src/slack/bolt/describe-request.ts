import type { Fields } from '../../logger.js';

export type RequestKind =
  | 'command'
  | 'block_action'
  | 'view_submission'
  | 'view_closed'
  | 'shortcut'
  | 'options'
  | 'event'
  | 'other';

interface Body {
  type?: unknown;
  command?: unknown;
  event_id?: unknown;
  event?: { type?: unknown };
  view?: { callback_id?: unknown };
  callback_id?: unknown;
  actions?: { action_id?: unknown }[];
}

const KINDS: Record<string, RequestKind> = {
  event_callback: 'event',
  block_actions: 'block_action',
  interactive_message: 'block_action',
  view_submission: 'view_submission',
  view_closed: 'view_closed',
  shortcut: 'shortcut',
  message_action: 'shortcut',
  block_suggestion: 'options',
};

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * What every log line of a request carries: a new `requestId` per delivery, its kind, and what Slack
 * identifies it by (`eventId` for events: retries of one event share it; the command, callback or action).
 */
export function describeRequest(body: Body, newId: () => string): { kind: RequestKind; fields: Fields } {
  const kind = typeof body.command === 'string' ? 'command' : (KINDS[String(body.type)] ?? 'other');
  const found: Fields = {
    eventId: text(body.event_id),
    eventType: text(body.event?.type),
    command: text(body.command),
    callbackId: text(body.view?.callback_id) ?? text(body.callback_id),
    actionId: text(body.actions?.[0]?.action_id),
  };
  const known = Object.entries(found).filter(([, v]) => v !== undefined);
  return { kind, fields: { requestId: newId(), requestKind: kind, ...Object.fromEntries(known) } };
}

import type { Actor } from '../actors.js';
import type { Approval } from '../approvals/approval.js';
import type { Ask } from '../asks/ask.js';
import type { Partnership } from '../partnerships/partnership.js';

export const WEBHOOK_EVENT_TYPES = [
  'ask.raised',
  'ask.changed',
  'ask.shipped',
  'ask.linked',
  'approval.requested',
  'approval.decided',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** One event of a record, before it is addressed to an endpoint. */
export interface WebhookEvent {
  /** Stable across passes over the record (the `webhook-id`), so queuing it again changes nothing. */
  id: string;
  type: WebhookEventType;
  at: Date;
  /** Deliveries with the same key reach an endpoint in `seq` order (one ask's events, in its history's order). */
  orderKey: string;
  seq: number;
  data: Record<string, unknown>;
  /** Added to `data` for internal endpoints only. */
  internalData: Record<string, unknown> | null;
}

const partnershipOf = (p: Partnership) => ({ id: p.id, name: p.accountName });
const actorOf = (a: Actor) => ({ userId: a.userId, teamId: a.teamId, side: a.side });

/** An ask's events from its history: raised, each status change (and shipping), links. */
export function askEvents(ask: Ask, partnership: Partnership): WebhookEvent[] {
  const askData = {
    id: ask.id,
    ref: ask.ref,
    kind: ask.kind,
    title: ask.content.title,
    ownerId: ask.ownerId,
  };
  const internalData = {
    internalNotes: ask.internalNotes.map((n) => ({
      at: n.at.toISOString(),
      by: actorOf(n.by),
      text: n.text,
    })),
  };
  return ask.history.flatMap((entry, index) => {
    const base = {
      ask: { ...askData, status: ask.status },
      partnership: partnershipOf(partnership),
      actor: actorOf(entry.by),
    };
    const event = (type: WebhookEventType, seq: number, data: Record<string, unknown>): WebhookEvent => ({
      id: `ask_${ask.id}_${index}_${type}`,
      type,
      at: entry.at,
      orderKey: `ask:${ask.id}`,
      seq,
      data: { ...base, ...data },
      internalData,
    });
    switch (entry.action) {
      case 'created':
        return [event('ask.raised', index * 2, { requester: actorOf(ask.requester) })];
      case 'status': {
        const changed = event('ask.changed', index * 2, { statusBefore: entry.from, statusAfter: entry.to });
        return entry.to === 'shipped' ? [changed, event('ask.shipped', index * 2 + 1, {})] : [changed];
      }
      case 'linked':
        return [event('ask.linked', index * 2, { linkedTo: entry.to })];
      default:
        return [];
    }
  });
}

/** An approval's events from its audit trail: requested, and each approver's decision. */
export function approvalEvents(approval: Approval, partnership: Partnership): WebhookEvent[] {
  const approvalData = { id: approval.id, title: approval.title, dueAt: approval.dueAt.toISOString() };
  return approval.audit.flatMap((entry, index): WebhookEvent[] => {
    const type: WebhookEventType | null =
      entry.action === 'requested'
        ? 'approval.requested'
        : entry.action === 'decided' || entry.action === 'changed'
          ? 'approval.decided'
          : null;
    if (type === null) return [];
    const data = {
      approval: { ...approvalData, state: approval.state },
      partnership: partnershipOf(partnership),
      actor: entry.by ? actorOf(entry.by) : null,
      ...(type === 'approval.decided' ? { approverId: entry.approverId, verdict: entry.verdict } : {}),
      ...(type === 'approval.requested'
        ? { approvers: approval.approvers.map((a) => ({ userId: a.userId, side: a.side })) }
        : {}),
    };
    return [
      {
        id: `approval_${approval.id}_${index}`,
        type,
        at: entry.at,
        orderKey: `approval:${approval.id}`,
        seq: index,
        data,
        internalData: null,
      },
    ];
  });
}

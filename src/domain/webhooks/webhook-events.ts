import type { Actor } from '../actors.js';
import type { Announcement } from '../announcements/announcement.js';
import type { Approval } from '../approvals/approval.js';
import type { Ask } from '../asks/ask.js';
import type { DigestRecord } from '../digests/digest-record.js';
import type { Feedback } from '../feedback/feedback.js';
import type { Partnership } from '../partnerships/partnership.js';
import type { Departure } from '../stakeholders/relationship-risks.js';
import type { Stakeholder } from '../stakeholders/stakeholder.js';

export const WEBHOOK_EVENT_TYPES = [
  'ask.raised',
  'ask.changed',
  'ask.shipped',
  'ask.linked',
  'approval.requested',
  'approval.decided',
  'digest.posted',
  'feedback.received',
  'stakeholder.left',
  'partnership.at_risk',
  'announcement.sent',
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
  /** A risk flag: internal as a whole, so only internal endpoints receive it. */
  internalOnly: boolean;
  /** The tags of its partnership, which endpoints may filter on. */
  partnershipTags: readonly string[];
}

const partnershipOf = (p: Partnership) => ({ id: p.id, name: p.accountName, tags: p.tags });
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
      internalOnly: false,
      partnershipTags: partnership.tags,
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
        internalOnly: false,
        partnershipTags: partnership.tags,
      },
    ];
  });
}

/**
 * A single event of its own (not from a record's history), about a partnership: ordered by its time
 * within `orderKey`.
 */
const single = (
  id: string,
  type: WebhookEventType,
  at: Date,
  orderKey: string,
  partnership: Partnership,
  data: Record<string, unknown>,
  internalOnly = false,
): WebhookEvent => ({
  id,
  type,
  at,
  orderKey,
  seq: at.getTime(),
  data: { partnership: partnershipOf(partnership), ...data },
  internalData: null,
  internalOnly,
  partnershipTags: partnership.tags,
});

/** A requester rated how their ask went (or changed the rating, or added a comment). */
export function feedbackEvent(
  feedback: Feedback,
  partnership: Partnership,
  by: Actor,
  at: Date,
): WebhookEvent {
  return single(
    `feedback_${feedback.askId}_${at.getTime()}`,
    'feedback.received',
    at,
    `feedback:${feedback.askId}`,
    partnership,
    {
      ask: { id: feedback.askId, ref: feedback.ref },
      actor: actorOf(by),
      rating: feedback.rating,
      comment: feedback.comment,
    },
  );
}

/**
 * Someone left a partnership's channel or Slack; `departure` is set for a listed customer contact, and a
 * high-risk one (their champion or sponsor, not replaced) also flags the partnership at risk.
 */
export function stakeholderLeftEvents(
  stakeholder: Stakeholder,
  partnership: Partnership,
  departure: Departure | null,
  at: Date,
): WebhookEvent[] {
  const person = { userId: stakeholder.userId, teamId: stakeholder.teamId, side: stakeholder.side };
  const key = `stakeholder:${partnership.id}:${stakeholder.userId}`;
  const left = single(
    `left_${partnership.id}_${stakeholder.userId}_${at.getTime()}`,
    'stakeholder.left',
    at,
    key,
    partnership,
    {
      stakeholder: {
        ...person,
        role: departure?.role ?? stakeholder.role,
        customRole: stakeholder.customRole,
      },
      reason: stakeholder.goneReason,
    },
  );
  if (!departure?.highRisk) return [left];
  const atRisk = single(
    `at_risk_${partnership.id}_${stakeholder.userId}_${at.getTime()}`,
    'partnership.at_risk',
    new Date(at.getTime() + 1),
    key,
    partnership,
    {
      reason: 'key_contact_left',
      stakeholder: { ...person, role: departure.role },
    },
    true,
  );
  return [left, atRisk];
}

/** A scheduled or on-demand digest was posted to the shared channel. */
export function digestPostedEvent(record: DigestRecord, partnership: Partnership, at: Date): WebhookEvent {
  return single(`digest_${record.id}`, 'digest.posted', at, `digest:${partnership.id}`, partnership, {
    digest: {
      id: record.id,
      trigger: record.trigger,
      slot: record.slot.toISOString(),
      period: record.period
        ? { start: record.period.start.toISOString(), end: record.period.end.toISOString() }
        : null,
    },
    actor: null,
  });
}

/**
 * An announcement (or incident) reached every channel it could, once its last delivery settled: one event
 * for all its partnerships, received by an endpoint whose tags any partnership it reached carries. Its
 * counts only: never its hold window, sign-off, exclusions or the channels that refused it.
 */
export function announcementSentEvent(
  a: Announcement,
  outcome: { reached: number; failed: number; tags: readonly string[] },
  at: Date,
): WebhookEvent {
  return {
    id: `announcement_${a.id}`,
    type: 'announcement.sent',
    at,
    orderKey: `announcement:${a.id}`,
    seq: at.getTime(),
    data: {
      announcement: { id: a.id, title: a.title, kind: a.incident ? 'incident' : 'announcement' },
      reached: outcome.reached,
      failed: outcome.failed,
      actor: null,
    },
    internalData: null,
    internalOnly: false,
    partnershipTags: outcome.tags,
  };
}

import type { Partnership } from '../partnerships/partnership.js';
import { addBusinessMinutes } from '../sla/business-calendar.js';
import { calendarOf, type Obligation } from '../sla/obligation.js';
import type { Recipient, ReminderKind } from './escalation.js';
import type { FollowUp, SubjectType, TrailEntry } from './follow-up.js';

/** While overdue, the next reminder comes after this much business time. */
export const REMIND_AGAIN_AFTER = 120;

const newRound = (dueAt: Date | null): FollowUp['round'] => ({
  dueAt,
  warned: false,
  overdueNags: 0,
  lastNagAt: null,
  reached: [],
  claims: 0,
});

/** A follow-up that has not been stored yet. */
export function blankFollowUp(
  subject: { type: SubjectType; id: string },
  partnershipId: string,
  id: string,
  now: Date,
): FollowUp {
  return {
    id,
    subject,
    partnershipId,
    ownerId: '',
    side: 'vendor',
    target: null,
    dueAt: null,
    closed: false,
    nextNagAt: null,
    round: newRound(null),
    snooze: null,
    trail: [],
    updatedAt: now,
    version: 0,
  };
}

/**
 * Brings a follow-up in line with what is owed now. A new due time (a response arrived, the clock
 * resumed) or a new owner starts a new round of reminders, so the ladder starts again from the owner.
 */
export function refresh(f: FollowUp, obligation: Obligation | null, p: Partnership, now: Date): FollowUp {
  if (obligation === null) {
    return { ...f, closed: true, target: null, dueAt: null, nextNagAt: null, updatedAt: now };
  }
  const sameRound =
    f.round.dueAt?.getTime() === obligation.dueAt?.getTime() && f.ownerId === obligation.ownerId;
  const next: FollowUp = {
    ...f,
    ownerId: obligation.ownerId,
    side: obligation.side,
    target: obligation.target,
    dueAt: obligation.dueAt,
    closed: false,
    round: sameRound ? f.round : newRound(obligation.dueAt),
    updatedAt: now,
  };
  return { ...next, nextNagAt: nextNagAt(next, obligation, p) };
}

/** Records a reminder that went out to `sent`, and when the next one is due. */
export function recordReminderSent(
  f: FollowUp,
  obligation: Obligation,
  p: Partnership,
  kind: ReminderKind,
  sent: Recipient[],
  now: Date,
): FollowUp {
  const trail: TrailEntry[] = sent.map((r) => ({
    at: now,
    action: r.rung !== 'owner' && !f.round.reached.includes(r.id) ? 'escalated' : 'reminded',
    to: r.id,
    by: null,
    note: kind === 'due_soon' ? 'due soon' : 'overdue',
  }));
  const next: FollowUp = {
    ...f,
    round: {
      ...f.round,
      warned: true,
      overdueNags: f.round.overdueNags + (kind === 'overdue' ? 1 : 0),
      lastNagAt: now,
      reached: [...new Set([...f.round.reached, ...sent.map((r) => r.id)])],
      claims: 0,
    },
    trail: [...f.trail, ...trail],
    updatedAt: now,
  };
  return { ...next, nextNagAt: nextNagAt(next, obligation, p) };
}

function nextNagAt(f: FollowUp, o: Obligation, p: Partnership): Date | null {
  if (o.dueAt === null || (o.endsAtDue && f.round.warned)) return null;
  let at: Date;
  if (!f.round.warned && o.warnAt && o.warnAt < o.dueAt) at = o.warnAt;
  else if (f.round.overdueNags === 0) at = o.dueAt;
  else at = addBusinessMinutes(calendarOf(p), f.round.lastNagAt ?? o.dueAt, REMIND_AGAIN_AFTER);
  return f.snooze && f.snooze.until > at ? f.snooze.until : at;
}

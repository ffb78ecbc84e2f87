import type { Side } from '../actors.js';

/** What can be owed: an ask, a customer message nobody has answered, or one approver's decision. */
export type SubjectType = 'ask' | 'message' | 'approval';

/** Which promise the clock is running against. */
export type Target = 'first_response' | 'update' | 'resolution' | 'due_date' | 'reply' | 'sign_off';

export interface TrailEntry {
  at: Date;
  action: 'reminded' | 'escalated' | 'snoozed' | 'reassigned' | 'dismissed';
  /** The person reminded or escalated to, or the new owner; a channel id for the triage channel. */
  to: string | null;
  by: string | null;
  note: string | null;
}

/**
 * The reminder engine's record of one subject: who owes what by when, when to look at it next, and every
 * reminder, escalation and snooze so far. Internal only: nothing of it is ever shown in a shared channel.
 */
export interface FollowUp {
  /** `${type}:${subjectId}`: one follow-up per subject. */
  id: string;
  subject: { type: SubjectType; id: string };
  partnershipId: string;
  /** Who owes the response (the ask's owner, or who answers for the partnership). */
  ownerId: string;
  /** The side that owes it. */
  side: Side;
  target: Target | null;
  /** When the running target is due; null when nothing is owed (closed) or the clock is paused. */
  dueAt: Date | null;
  closed: boolean;
  /** The sweep looks at the follow-up again at this time (indexed); null when there is nothing to do. */
  nextNagAt: Date | null;
  /** Reminders about the current target and due time; a new target or due time starts a new round. */
  round: {
    dueAt: Date | null;
    warned: boolean;
    overdueNags: number;
    lastNagAt: Date | null;
    /** Everyone reminded in this round; reaching someone above the owner for the first time is an escalation. */
    reached: string[];
    /**
     * Sweeps that claimed the follow-up since this round's last reminder was recorded, or since a sweep
     * put it back with nothing sent. More than one: an earlier sweep stopped (died, or Slack failed it)
     * after it may have sent a reminder it never recorded, so the next one is looked for in Slack first.
     */
    claims: number;
  };
  snooze: { until: Date; reason: string; by: string } | null;
  trail: TrailEntry[];
  updatedAt: Date;
  version: number;
}

export const followUpId = (type: SubjectType, subjectId: string) => `${type}:${subjectId}`;

/**
 * Names the reminder a follow-up is due for, in the metadata of the message that carries it: the same
 * until that reminder is recorded (or someone snoozes or reassigns it), which grows the trail.
 */
export const reminderKey = (f: FollowUp) => `${f.id}#${f.trail.length}`;

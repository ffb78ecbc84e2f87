import type { Actor } from '../actors.js';
import type { AppliedChange } from '../asks/apply-change.js';
import { assignAsk } from '../asks/ask-actions.js';
import { closeMessage } from '../conversations/watch-messages.js';
import type { Partnership } from '../partnerships/partnership.js';
import type { Directory, PartnershipRepository } from '../ports.js';
import { fail, ok, type Result } from '../result.js';
import { calendarOf } from '../sla/obligation.js';
import type { FollowUp, TrailEntry } from './follow-up.js';
import { type SnoozeChoice, snoozeUntil } from './snooze-until.js';
import { loadSubject, type Subject, type SubjectRepositories } from './subject.js';
import { changeFollowUp, type TrackDeps } from './track.js';

export interface FollowUpActionDeps extends TrackDeps, SubjectRepositories {
  partnerships: PartnershipRepository;
  directory: Directory;
}

export type FollowUpActionError =
  | { code: 'not_found'; message: string }
  | { code: 'forbidden'; message: string }
  | { code: 'invalid'; fields: Partial<Record<'until' | 'reason' | 'ownerId', string>> };

export const MAX_SNOOZE_DAYS = 30;
export const SNOOZE_REASON_MAX = 300;

interface Loaded {
  followUp: FollowUp;
  partnership: Partnership;
  subject: Subject;
}

/** The follow-up with what it is about; only its owner, or anyone at the vendor, may act on it. */
async function load(
  deps: FollowUpActionDeps,
  actor: Actor,
  followUpId: string,
): Promise<Result<Loaded, FollowUpActionError>> {
  const followUp = await deps.followUps.findById(followUpId);
  const partnership = followUp && (await deps.partnerships.findById(followUp.partnershipId));
  const subject = followUp && (await loadSubject(deps, followUp.subject));
  if (!followUp || !partnership || !subject) {
    return fail({
      code: 'not_found',
      message: 'That reminder is no longer there; it may have been answered.',
    });
  }
  if (actor.side !== 'vendor' && actor.userId !== followUp.ownerId) {
    return fail({
      code: 'forbidden',
      message: 'Only the person who owes this, or someone at the vendor, can do that.',
    });
  }
  return ok({ followUp, partnership, subject });
}

const step = (
  now: Date,
  action: TrailEntry['action'],
  by: string,
  to: string | null,
  note: string | null,
) => ({
  at: now,
  action,
  by,
  to,
  note,
});

/**
 * Silences the reminders until a time, with a reason for the record; the response target itself keeps
 * running. The end is worked out in the snoozer's working time (their zone, or the partnership's).
 */
export async function snoozeFollowUp(
  deps: FollowUpActionDeps,
  request: {
    actor: Actor;
    followUpId: string;
    until: { choice: SnoozeChoice; date: string | null };
    timeZone: string | null;
    reason: string;
  },
): Promise<Result<FollowUp, FollowUpActionError>> {
  const { actor } = request;
  const reason = request.reason.trim();
  const loaded = await load(deps, actor, request.followUpId);
  if (!loaded.ok) return loaded;
  const { subject, partnership } = loaded.value;
  const now = deps.clock.now();
  const { choice, date } = request.until;
  const until = snoozeUntil(choice, date, calendarOf(partnership, request.timeZone), now);
  const fields: Partial<Record<'until' | 'reason', string>> = {};
  if (until <= now) fields.until = 'Pick a time in the future.';
  else if (until.getTime() - now.getTime() > MAX_SNOOZE_DAYS * 86_400_000) {
    fields.until = `Snooze for at most ${MAX_SNOOZE_DAYS} days.`;
  }
  if (reason === '') fields.reason = 'Say why, for the record.';
  else if (reason.length > SNOOZE_REASON_MAX)
    fields.reason = `Keep it under ${SNOOZE_REASON_MAX} characters.`;
  if (Object.keys(fields).length > 0) return fail({ code: 'invalid', fields });
  const saved = await changeFollowUp(deps, subject, partnership, (f, at) => ({
    ...f,
    snooze: { until, reason, by: actor.userId },
    trail: [...f.trail, step(at, 'snoozed', actor.userId, null, `until ${until.toISOString()}: ${reason}`)],
  }));
  return saved ? ok(saved) : fail({ code: 'not_found', message: 'Nothing is owed on that any more.' });
}

/** Hands what is owed to someone else at the vendor; an ask changes owner, a message changes who answers it. */
export async function reassignFollowUp(
  deps: FollowUpActionDeps,
  request: { actor: Actor; followUpId: string; newOwnerId: string },
): Promise<Result<{ followUp: FollowUp | null; askChange: AppliedChange | null }, FollowUpActionError>> {
  const { actor, newOwnerId } = request;
  const loaded = await load(deps, actor, request.followUpId);
  if (!loaded.ok) return loaded;
  const { subject, partnership } = loaded.value;
  if (actor.side !== 'vendor')
    return fail({ code: 'forbidden', message: 'Only people at the vendor can reassign.' });
  if ((await deps.directory.sideOfUser(newOwnerId)) !== 'vendor') {
    return fail({ code: 'invalid', fields: { ownerId: 'Choose someone at your company.' } });
  }
  if (subject.type === 'approval') {
    return fail({
      code: 'forbidden',
      message: 'An approval belongs to its approver and cannot be reassigned.',
    });
  }
  let current: Subject = subject;
  let askChange: AppliedChange | null = null;
  if (subject.type === 'ask') {
    const assigned = await assignAsk(deps, subject.ask.id, actor, newOwnerId);
    if (!assigned.ok) {
      const message = 'message' in assigned.error ? assigned.error.message : 'That request is gone.';
      return fail({ code: 'forbidden', message });
    }
    askChange = assigned.value;
    current = { type: 'ask', ask: assigned.value.ask };
  } else {
    await deps.trackedMessages.reassign(subject.message.id, newOwnerId);
    current = { type: 'message', message: { ...subject.message, ownerId: newOwnerId } };
  }
  const followUp = await changeFollowUp(deps, current, partnership, (f, at) => ({
    ...f,
    trail: [...f.trail, step(at, 'reassigned', actor.userId, newOwnerId, null)],
  }));
  return ok({ followUp, askChange });
}

/** Small talk that needs no answer: the message stops being watched, on the record. */
export async function dismissMessage(
  deps: FollowUpActionDeps,
  request: { actor: Actor; followUpId: string },
): Promise<Result<FollowUp | null, FollowUpActionError>> {
  const { actor } = request;
  const loaded = await load(deps, actor, request.followUpId);
  if (!loaded.ok) return loaded;
  const { subject, partnership } = loaded.value;
  if (subject.type !== 'message' || actor.side !== 'vendor') {
    return fail({
      code: 'forbidden',
      message: 'Only unanswered messages can be dismissed, by people at the vendor.',
    });
  }
  const closed = await closeMessage(deps, partnership, subject.message.id, actor.userId, 'dismissed');
  const message = closed ?? subject.message;
  const followUp = await changeFollowUp(deps, { type: 'message', message }, partnership, (f, at) => ({
    ...f,
    trail: [...f.trail, step(at, 'dismissed', actor.userId, null, null)],
  }));
  return ok(followUp);
}

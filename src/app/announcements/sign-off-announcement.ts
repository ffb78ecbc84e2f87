import type { Actor } from '../../domain/actors.js';
import type { Announcement } from '../../domain/announcements/announcement.js';
import type { Decision, Verdict } from '../../domain/approvals/approval.js';
import { evaluate } from '../../domain/approvals/rules.js';
import { fail, ok, type Result } from '../../domain/result.js';
import { type DecideDeps, type DecideError, scheduleOf, tooLate } from './decide-announcement.js';

/**
 * The named colleague's decision on an announcement waiting for sign-off, settled by the approvals' rule
 * (one approver seat, rule 'any'): approved, it is scheduled as its sender's Send would have; declined,
 * it is cancelled. The sender can never sign off their own.
 */
export async function signOffAnnouncement(
  deps: DecideDeps,
  request: { actor: Actor; id: string; verdict: Verdict },
): Promise<Result<Announcement, DecideError>> {
  const { actor, id, verdict } = request;
  const a = await deps.announcements.findById(id);
  if (a === null) return fail({ code: 'not_found' });
  const seat = a.signOff;
  if (seat === null || actor.side !== 'vendor' || actor.userId !== seat.approverId) {
    return fail({ code: 'forbidden', message: 'Only the colleague asked to sign this off can decide.' });
  }
  if (actor.userId === a.createdBy) {
    return fail({ code: 'forbidden', message: 'An announcement needs someone other than its sender.' });
  }
  const now = deps.clock.now();
  const decision: Decision = { approverId: seat.approverId, by: actor, verdict, comment: null, at: now };
  const outcome = evaluate(
    { kind: 'any' },
    [{ userId: seat.approverId, side: 'vendor', backupId: null }],
    [decision],
  );
  const signOff = { ...seat, decision };
  if (outcome === 'approved') {
    const schedule = scheduleOf(a, now, deps.settings);
    if (
      await deps.announcements.transition(id, ['awaiting_signoff'], 'scheduled', { signOff, ...schedule })
    ) {
      return ok({ ...a, state: 'scheduled', signOff, ...schedule });
    }
  } else if (await deps.announcements.transition(id, ['awaiting_signoff'], 'cancelled', { signOff })) {
    return ok({ ...a, state: 'cancelled', signOff });
  }
  const current = await deps.announcements.findById(id);
  return fail({ code: 'too_late', message: tooLate(current?.state ?? a.state) });
}

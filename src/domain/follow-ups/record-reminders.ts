import { recordApprovalReminder } from '../approvals/approval-actions.js';
import type { Partnership } from '../partnerships/partnership.js';
import type { ApprovalRepository, FollowUpRepository } from '../ports.js';
import type { Obligation } from '../sla/obligation.js';
import type { Recipient, ReminderKind } from './escalation.js';
import type { FollowUp } from './follow-up.js';
import { recordReminderSent } from './plan.js';
import type { Subject } from './subject.js';

export interface RecordDeps {
  followUps: FollowUpRepository;
  approvals: ApprovalRepository;
}

/** A follow-up a sweep claimed and found due: as claimed, as re-planned, and what it reminds about. */
export interface TakenFollowUp {
  claimed: FollowUp;
  planned: FollowUp;
  obligation: Obligation;
  item: { subject: Subject; partnership: Partnership; kind: ReminderKind };
}

/** Records the reminders an item was sent on its follow-up (and on an approval's own trail). */
export async function recordReminders(
  deps: RecordDeps,
  taken: TakenFollowUp,
  recipients: Recipient[],
  now: Date,
): Promise<void> {
  await saveReminder(deps, taken, recipients, now);
  const { subject } = taken.item;
  // An approval's own trail records its reminders too, for whoever audits the decision.
  if (subject.type === 'approval') {
    const clock = { now: () => now };
    const to = recipients.map((r) => r.id);
    await recordApprovalReminder(
      { approvals: deps.approvals, clock },
      subject.approval.id,
      subject.approverId,
      to,
    );
  }
}

/**
 * Records the reminders on the claimed version. If the subject changed meanwhile (an answer came in),
 * its new plan stands and only the reminders are added to the trail.
 */
async function saveReminder(
  deps: RecordDeps,
  taken: TakenFollowUp,
  recipients: Recipient[],
  now: Date,
): Promise<void> {
  const { planned, claimed, obligation, item } = taken;
  const next = recordReminderSent(planned, obligation, item.partnership, item.kind, recipients, now);
  if (
    (await deps.followUps.replace({ ...next, version: claimed.version + 1 }, claimed.version)) === 'replaced'
  ) {
    return;
  }
  const added = next.trail.slice(planned.trail.length);
  for (let round = 0; round < 20; round++) {
    const current = await deps.followUps.findById(planned.id);
    if (!current) return;
    // Recorded: the claims that led here need no look-up in Slack any more.
    const withTrail = {
      ...current,
      trail: [...current.trail, ...added],
      round: { ...current.round, claims: 0 },
      version: current.version + 1,
    };
    if ((await deps.followUps.replace(withTrail, current.version)) === 'replaced') return;
  }
}

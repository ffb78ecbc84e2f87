import type { Partnership } from '../partnerships/partnership.js';
import type { FollowUpRepository, PartnershipRepository } from '../ports.js';
import { type BusinessCalendar, isWorkingTime, nextWorkingTime } from '../sla/business-calendar.js';
import { calendarOf } from '../sla/obligation.js';
import { type Recipient, type ReminderKind, type Rung, recipientsFor } from './escalation.js';
import type { FollowUp } from './follow-up.js';
import { refresh } from './plan.js';
import { recordReminders, type TakenFollowUp } from './record-reminders.js';
import { loadSubject, obligationOf, type Subject, type SubjectRepositories } from './subject.js';

/** How long a claimed follow-up stays with this sweep; if the process dies, it is due again after this. */
export const LEASE_MS = 5 * 60_000;
/** A bound on one sweep's work; anything beyond waits for the next minute. */
export const MAX_CLAIMS = 1_000;

export interface ReminderItem {
  followUp: FollowUp;
  subject: Subject;
  partnership: Partnership;
  rung: Rung;
  kind: ReminderKind;
  /**
   * An earlier sweep claimed it and stopped before recording anything: it may have sent this reminder
   * already (see reminderKey), so the sender looks for it among the recipient's messages first.
   */
  maybeSent: boolean;
}

/**
 * Delivers one batch: one private message per person (or one post in the triage channel). Items found
 * already sent (see `maybeSent`) are not sent again, and a batch left empty is not posted; every item of
 * a batch that resolves counts as reminded.
 */
export interface ReminderSender {
  send(to: Omit<Recipient, 'rung'>, items: ReminderItem[]): Promise<void>;
}

export interface SweepDeps extends SubjectRepositories {
  followUps: FollowUpRepository;
  partnerships: PartnershipRepository;
  /** The person's Slack time zone, or null when unknown (the partnership's zone applies). */
  timeZoneOf(userId: string): Promise<string | null>;
  sender: ReminderSender;
}

export interface SweepReport {
  claimed: number;
  /** Reminders delivered (one per person per item). */
  reminders: number;
  /** Batches delivered. */
  batches: number;
  /** Items held back because nobody they go to is working now. */
  deferred: number;
  /** Batches that failed; their items come back after the lease. */
  failedBatches: number;
}

interface Due extends TakenFollowUp {
  item: Omit<ReminderItem, 'rung'>;
  recipients: Recipient[];
}

/**
 * One pass of the reminder engine: claims the due follow-ups one by one through the `nextNagAt` index, works
 * out who gets reminded (the escalation ladder, working hours), sends one batch per person and records
 * every reminder. Each claim is atomic, so replicas sweeping at once never remind twice.
 */
export async function sweep(deps: SweepDeps, now: Date): Promise<SweepReport> {
  const report: SweepReport = { claimed: 0, reminders: 0, batches: 0, deferred: 0, failedBatches: 0 };
  const partnerships = new Map<string, Promise<Partnership | null>>();
  const partnershipOf = (id: string) => {
    if (!partnerships.has(id)) partnerships.set(id, deps.partnerships.findById(id));
    return partnerships.get(id) as Promise<Partnership | null>;
  };
  /**
   * By follow-up: one re-planned while this sweep holds it (its subject changed, and its effects planned
   * it again) can be claimed again in the same sweep; only that latest claim counts.
   */
  const due = new Map<string, Due>();
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  for (
    let f = await deps.followUps.claimDue(now, leaseUntil);
    f;
    f = await deps.followUps.claimDue(now, leaseUntil)
  ) {
    report.claimed += 1;
    due.delete(f.id);
    const found = await examine(deps, f, now, await partnershipOf(f.partnershipId));
    if (found === 'deferred') report.deferred += 1;
    else if (found) due.set(f.id, found);
    if (report.claimed >= MAX_CLAIMS) break;
  }

  // Each item is recorded as soon as every batch it is in has been tried, not at the end of the sweep:
  // a process that dies mid-sweep has recorded what it sent, and only the rest comes back after the lease.
  const batches = [...groupByRecipient([...due.values()]).values()];
  const batchesLeft = new Map<Due, number>();
  for (const { entry } of batches.flat()) batchesLeft.set(entry, (batchesLeft.get(entry) ?? 0) + 1);
  const sent = new Map<Due, Recipient[]>();
  for (const batch of batches) {
    const to = batch[0]?.recipient as Recipient;
    try {
      await deps.sender.send(
        { kind: to.kind, id: to.id },
        batch.map(({ entry, recipient }) => ({ ...entry.item, rung: recipient.rung })),
      );
      report.batches += 1;
      report.reminders += batch.length;
      for (const { entry, recipient } of batch) sent.set(entry, [...(sent.get(entry) ?? []), recipient]);
    } catch {
      report.failedBatches += 1;
    }
    for (const { entry } of batch) {
      const left = (batchesLeft.get(entry) ?? 1) - 1;
      batchesLeft.set(entry, left);
      const recipients = sent.get(entry);
      if (left === 0 && recipients) await recordReminders(deps, entry, recipients, now);
    }
  }
  return report;
}

/** Re-plans a claimed follow-up; returns what is due now, 'deferred', or null when nothing is. */
async function examine(
  deps: SweepDeps,
  claimed: FollowUp,
  now: Date,
  p: Partnership | null,
): Promise<Due | 'deferred' | null> {
  // Saving over the claimed version also ends the lease: the stored next reminder replaces it. Nothing
  // goes out now, so whatever goes out later is a new reminder: no need to look for an earlier one.
  const release = (f: FollowUp) =>
    deps.followUps.replace(
      { ...f, round: { ...f.round, claims: 0 }, version: claimed.version + 1 },
      claimed.version,
    );
  const subject = p && (await loadSubject(deps, claimed.subject));
  if (!p || !subject) {
    await release({ ...claimed, closed: true, nextNagAt: null });
    return null;
  }
  const obligation = obligationOf(subject, p);
  const planned = refresh(claimed, obligation, p, now);
  if (!obligation || !planned.nextNagAt || planned.nextNagAt > now || !planned.dueAt) {
    await release(planned);
    return null;
  }
  const kind: ReminderKind = now >= planned.dueAt ? 'overdue' : 'due_soon';
  const everyone = recipientsFor(planned, p, kind);
  const hours = await Promise.all(everyone.map((r) => workingCalendar(deps, r, p)));
  const working = everyone.filter((_, i) => {
    const cal = hours[i] ?? null;
    return cal === null || isWorkingTime(cal, now);
  });
  if (working.length === 0) {
    // Nobody is reminded at night or on their weekend: wait for the first of them to start work.
    const starts = hours.map((cal) => nextWorkingTime(cal as BusinessCalendar, now).getTime());
    await release({ ...planned, nextNagAt: new Date(Math.min(...starts)) });
    return 'deferred';
  }
  return {
    claimed,
    planned,
    obligation,
    // A new round (the subject changed since) starts from no claims: its reminder is a new one.
    item: { followUp: planned, subject, partnership: p, kind, maybeSent: planned.round.claims > 1 },
    recipients: working,
  };
}

/** A person's working time: the partnership's hours in their own zone; a channel reads at any time (null). */
async function workingCalendar(
  deps: SweepDeps,
  r: Recipient,
  p: Partnership,
): Promise<BusinessCalendar | null> {
  return r.kind === 'channel' ? null : calendarOf(p, await deps.timeZoneOf(r.id));
}

function groupByRecipient(due: Due[]): Map<string, { entry: Due; recipient: Recipient }[]> {
  const batches = new Map<string, { entry: Due; recipient: Recipient }[]>();
  for (const entry of due) {
    for (const recipient of entry.recipients) {
      const key = `${recipient.kind}:${recipient.id}`;
      batches.set(key, [...(batches.get(key) ?? []), { entry, recipient }]);
    }
  }
  return batches;
}

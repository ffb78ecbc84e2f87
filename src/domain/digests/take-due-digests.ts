import type { Partnership } from '../partnerships/partnership.js';
import type { DigestRepository, PartnershipRepository } from '../ports.js';
import { type DigestRecord, type DigestTrigger, manualDigestId, scheduledDigestId } from './digest-record.js';
import { type DigestSchedule, slotAfter, slotAtOrBefore } from './digest-schedule.js';

/** How long a replica may post a digest before another may take it over (renewed while it works). */
export const DIGEST_LEASE_MS = 10 * 60_000;
/** Partnerships looked at per tick; the rest wait for the next minute. */
const DUE_PER_TICK = 2000;
/** Counting missed slots stops here: past it the number no longer changes what anyone does. */
const MISSED_COUNT_LIMIT = 1000;

export interface TakeDeps {
  partnerships: PartnershipRepository;
  digests: DigestRepository;
  newId: () => string;
}

/** A digest this replica holds the lease on and must now build and post. */
export interface DigestClaim {
  record: DigestRecord;
  partnership: Partnership;
  token: string;
  /**
   * Taken over from a replica whose lease ran out: it may have posted a message it died before
   * recording, so a message not recorded is looked for in Slack before it is posted.
   */
  takenOver: boolean;
}

export interface TakeReport {
  claims: DigestClaim[];
  /** Slots found past the grace, recorded as skipped instead of being posted late. */
  skipped: DigestRecord[];
}

/**
 * One tick of the digest schedule. The store decides, not the clock of this replica: a slot is posted
 * by whoever inserts its record first (unique per partnership and slot), so replicas and restarts never
 * post it twice. A slot missed while the app was down is posted late if it is within `graceMs`, and
 * recorded as skipped otherwise; older missed slots fold into the latest, so downtime yields one digest.
 * Digests whose poster died mid-way are taken over once their lease has run out.
 */
export async function takeDueDigests(deps: TakeDeps, now: Date, graceMs: number): Promise<TakeReport> {
  const report: TakeReport = { claims: [], skipped: [] };
  for (;;) {
    const token = deps.newId();
    const record = await deps.digests.claimAbandoned(now, leaseFrom(token, now));
    if (record === null) break;
    const partnership = await deps.partnerships.findById(record.partnershipId);
    if (partnership) report.claims.push({ record, partnership, token, takenOver: true });
    else await deps.digests.finish(record.id, token, gone(now));
  }
  for (const partnership of await deps.partnerships.listDigestDue(now, DUE_PER_TICK)) {
    const { digest, digestNextAt } = partnership;
    if (digest === null || digestNextAt === null) continue;
    const slot = slotAtOrBefore(digest, now);
    const late = now.getTime() - slot.getTime() > graceMs;
    const token = deps.newId();
    const record: DigestRecord = {
      ...blankRecord(partnership.id, 'schedule', slot, now),
      id: scheduledDigestId(partnership.id, slot),
      state: late ? 'skipped' : 'posting',
      lease: late ? null : leaseFrom(token, now),
      missedSlots: countSlotsBetween(digest, digestNextAt, slot),
      finishedAt: late ? now : null,
    };
    const inserted = (await deps.digests.insert(record)) === 'inserted';
    // Every replica computes the same next slot, so whichever moves it first is right.
    await deps.partnerships.advanceDigest(partnership.id, digestNextAt, slotAfter(digest, now));
    if (!inserted) continue;
    if (late) report.skipped.push(record);
    else report.claims.push({ record, partnership, token, takenOver: false });
  }
  return report;
}

/** "Post now": a digest outside the schedule, under a lease like any other; null if that instant is taken. */
export async function claimManualDigest(
  deps: TakeDeps,
  partnership: Partnership,
  now: Date,
): Promise<DigestClaim | null> {
  const token = deps.newId();
  const record: DigestRecord = {
    ...blankRecord(partnership.id, 'manual', now, now),
    id: manualDigestId(partnership.id, now),
    state: 'posting',
    lease: leaseFrom(token, now),
  };
  return (await deps.digests.insert(record)) === 'inserted'
    ? { record, partnership, token, takenOver: false }
    : null;
}

export const leaseFrom = (token: string, now: Date) => ({
  token,
  until: new Date(now.getTime() + DIGEST_LEASE_MS),
});

function blankRecord(partnershipId: string, trigger: DigestTrigger, slot: Date, now: Date): DigestRecord {
  return {
    id: '',
    partnershipId,
    trigger,
    slot,
    state: 'posting',
    lease: null,
    missedSlots: 0,
    period: null,
    customerMessage: null,
    internalMessage: null,
    error: null,
    createdAt: now,
    finishedAt: null,
  };
}

/** Slots from `from` (the first one not taken) up to, not including, `to`: those folded into `to`'s digest. */
function countSlotsBetween(schedule: DigestSchedule, from: Date, to: Date): number {
  let count = 0;
  for (let slot = from; slot < to && count < MISSED_COUNT_LIMIT; slot = slotAfter(schedule, slot)) count++;
  return count;
}

const gone = (now: Date) => ({
  state: 'failed' as const,
  period: null,
  error: 'partnership_removed',
  finishedAt: now,
});

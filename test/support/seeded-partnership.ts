/**
 * One partnership's worth of data written through the real repositories and domain operations, and
 * what the app would show of it: for tests that move data (export/import, move-to-workspace) and
 * expect the same answers afterwards.
 */
import { takeDueDigests } from '../../src/domain/digests/take-due-digests.js';
import { track } from '../../src/domain/follow-ups/track.js';
import type { Partnership } from '../../src/domain/partnerships/partnership.js';
import type { Repositories } from '../../src/domain/ports.js';
import { anApproval } from './approval-fixture.js';
import { anAsk } from './ask-fixture.js';
import { aPartnership } from './partnership-fixture.js';
import { storedAsks } from './stored-asks.js';

export const SEEDED_AT = new Date('2026-11-23T08:00:00Z');
export const seededPartnership = aPartnership({ digestNextAt: SEEDED_AT });

/**
 * The partnership, three asks numbered by its sequence (open, in progress, resolved) with their
 * follow-ups, a pending approval, its digest slot taken, and an event marker.
 */
export async function seedPartnership(repositories: Repositories): Promise<void> {
  const p = seededPartnership;
  await repositories.partnerships.insert(p);
  for (const status of ['open', 'in_progress', 'resolved'] as const) {
    const number = await repositories.sequences.next('ACME');
    const ask = anAsk({ partnershipId: p.id, channelId: p.channelId, number, ref: `ACME-${number}`, status });
    await repositories.asks.insert(ask);
    await track(
      { followUps: repositories.followUps, clock: { now: () => SEEDED_AT } },
      { type: 'ask', ask },
      p,
    );
  }
  await repositories.approvals.insert(anApproval({ partnershipId: p.id, channelId: p.channelId }));
  let leases = 0;
  const slot = new Date(SEEDED_AT.getTime() + 60_000);
  await takeDueDigests({ ...repositories, newId: () => `lease-${++leases}` }, slot, 0);
  await repositories.markers.claim('event:Ev1', SEEDED_AT, null);
}

/** What the app shows of a partnership: its asks, approvals, digests, the owner's follow-ups. */
export async function answersAbout(r: Repositories, p: Partnership = seededPartnership) {
  return {
    asks: await storedAsks(r, p.id),
    approvals: await r.approvals.listByChannel(p.channelId, 10),
    digests: await r.digests.listRecent(p.id, 10),
    followUps: await r.followUps.listOpenByOwner('UVENDOR1'),
    partnership: await r.partnerships.findByChannel(p.channelId),
  };
}

import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/actors.js';
import type { Approval, Approver } from '../../src/domain/approvals/approval.js';
import type { Store } from '../../src/store/open-store.js';
import { anApproval as baseApproval } from '../support/approval-fixture.js';
import { storeForEachTest, storeKinds } from '../support/stores.js';

const requester: Actor = { userId: 'UREQ', teamId: 'TV', side: 'vendor' };
const vendor: Actor = { userId: 'UV1', teamId: 'TV', side: 'vendor' };
const customer: Actor = { userId: 'UC1', teamId: 'TC', side: 'customer' };
const BACKUP = 'UBACK';
const start = new Date('2026-05-01T09:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

const seat = (a: Actor, backupId: string | null = null): Approver => ({
  userId: a.userId,
  side: a.side,
  backupId,
});

let n = 0;
/** A pending approval from the vendor's requester to one approver per side, the customer with a backup. */
function anApproval(overrides: Partial<Approval> = {}): Approval {
  n += 1;
  const createdAt = at(n);
  return baseApproval({
    id: `approval-${n}`,
    approvers: [seat(vendor), seat(customer, BACKUP)],
    dueAt: at(24 * 60),
    audit: [
      {
        at: createdAt,
        action: 'requested',
        by: requester,
        approverId: null,
        verdict: null,
        note: null,
        to: [],
      },
    ],
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  });
}

const ids = (approvals: Approval[]) => approvals.map((a) => a.id);

describe.each(storeKinds())('approval store contract: $name', (kind) => {
  let store: Store;

  storeForEachTest(kind, (opened) => {
    store = opened;
  });

  async function stored(...approvals: Approval[]): Promise<Approval[]> {
    for (const a of approvals) expect(await store.approvals.insert(a)).toBe('inserted');
    return approvals;
  }

  it('inserts once and reads back every field, dates as dates', async () => {
    const decided = anApproval({
      rule: { kind: 'at_least', n: 1 },
      decisions: [
        { approverId: vendor.userId, by: vendor, verdict: 'approved', comment: 'Fine', at: at(30) },
      ],
      card: { channelId: 'CSHARED', ts: '1.2' },
    });
    await stored(decided);
    expect(await store.approvals.insert({ ...decided, title: 'Again' })).toBe('duplicate');

    const found = await store.approvals.findById(decided.id);
    expect(found).toEqual(decided);
    expect(found?.dueAt).toBeInstanceOf(Date);
    expect(found?.decisions[0]?.at).toBeInstanceOf(Date);
    expect(found?.audit[0]?.at).toBeInstanceOf(Date);
    expect(await store.approvals.findById('missing')).toBeNull();
  });

  it('replaces by compare-and-set: of two writers at the same version, exactly one wins', async () => {
    const [a] = await stored(anApproval());
    if (!a) throw new Error('expected an approval');
    const withdrawn = { ...a, state: 'withdrawn' as const, settledAt: at(60), version: 2 };
    const escalated = { ...a, escalated: [customer.userId], version: 2 };

    const results = await Promise.all([
      store.approvals.replace(withdrawn, 1),
      store.approvals.replace(escalated, 1),
    ]);
    expect([...results].sort()).toEqual(['conflict', 'replaced']);
    const winner = results[0] === 'replaced' ? withdrawn : escalated;
    expect(await store.approvals.findById(a.id)).toEqual(winner);
    expect(await store.approvals.replace({ ...winner, version: 3 }, 1)).toBe('conflict');
  });

  it('records the card without a new version', async () => {
    const [a] = await stored(anApproval());
    if (!a) throw new Error('expected an approval');
    await store.approvals.recordCard(a.id, { channelId: 'CSHARED', ts: '1700000000.000100' });
    expect(await store.approvals.findById(a.id)).toEqual({
      ...a,
      card: { channelId: 'CSHARED', ts: '1700000000.000100' },
    });
  });

  it('lists a channel’s approvals pending first, then the rest, newest first within each', async () => {
    const [oldPending, oldSettled, newPending, newSettled] = await stored(
      anApproval(),
      anApproval({ state: 'approved', settledAt: at(90) }),
      anApproval(),
      anApproval({ state: 'expired', settledAt: at(95) }),
    );
    await stored(anApproval({ channelId: 'COTHER' }));

    expect(ids(await store.approvals.listByChannel('CSHARED', 10))).toEqual(
      ids([newPending, oldPending, newSettled, oldSettled] as Approval[]),
    );
    expect(ids(await store.approvals.listByChannel('CSHARED', 3))).toEqual(
      ids([newPending, oldPending, newSettled] as Approval[]),
    );
    expect(ids(await store.approvals.listByChannel('CSHARED', 1))).toEqual(ids([newPending] as Approval[]));
  });

  it('lists only pending approvals whose check is due, the longest waiting first', async () => {
    const now = at(600);
    const [dueLater, dueFirst, dueNow] = await stored(
      anApproval({ checkAt: at(500) }),
      anApproval({ checkAt: at(100) }),
      anApproval({ checkAt: now }),
      anApproval({ checkAt: at(601) }),
      anApproval({ checkAt: null, state: 'rejected', settledAt: at(150) }),
      anApproval({ checkAt: at(300), state: 'withdrawn', settledAt: at(150) }),
    );
    expect(ids(await store.approvals.listDue(now, 10))).toEqual(
      ids([dueFirst, dueLater, dueNow] as Approval[]),
    );
    expect(ids(await store.approvals.listDue(now, 2))).toEqual(ids([dueFirst, dueLater] as Approval[]));
  });

  it('lists what waits on a person: their undecided seats, and a backup’s only once escalated', async () => {
    const decision = { by: customer, verdict: 'approved' as const, comment: null, at: at(30) };
    const [waiting, , , escalated] = await stored(
      anApproval({ dueAt: at(300) }),
      anApproval({ decisions: [{ approverId: customer.userId, ...decision }] }),
      anApproval({ state: 'approved', settledAt: at(40) }),
      anApproval({ dueAt: at(200), escalated: [customer.userId] }),
      anApproval({
        escalated: [customer.userId],
        decisions: [{ approverId: customer.userId, ...decision }],
      }),
    );

    expect(ids(await store.approvals.listPendingFor(customer.userId, 10))).toEqual(
      ids([escalated, waiting] as Approval[]),
    );
    expect(ids(await store.approvals.listPendingFor(BACKUP, 10))).toEqual(ids([escalated] as Approval[]));
    expect(ids(await store.approvals.listPendingFor(customer.userId, 1))).toEqual(
      ids([escalated] as Approval[]),
    );
    expect(await store.approvals.listPendingFor(requester.userId, 10)).toEqual([]);
  });

  it('lists a channel’s approvals settled in a window, any outcome, earliest settled first', async () => {
    const [, approved, rejected, atStart, expired] = await stored(
      anApproval(),
      anApproval({ state: 'approved', settledAt: at(200) }),
      anApproval({ state: 'rejected', settledAt: at(150) }),
      anApproval({ state: 'withdrawn', settledAt: at(100) }),
      anApproval({ state: 'expired', settledAt: at(299) }),
      anApproval({ state: 'approved', settledAt: at(99) }),
      anApproval({ state: 'approved', settledAt: at(300) }),
      anApproval({ channelId: 'COTHER', state: 'approved', settledAt: at(200) }),
    );

    expect(ids(await store.approvals.listSettledBetween('CSHARED', at(100), at(300)))).toEqual(
      ids([atStart, rejected, approved, expired] as Approval[]),
    );
    expect(await store.approvals.listSettledBetween('CSHARED', at(301), at(400))).toEqual([]);
    expect(ids(await store.approvals.listSettledBetween('COTHER', at(0), at(400)))).toHaveLength(1);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../../src/domain/actors.js';
import type {
  Approval,
  ApprovalRule,
  Approver,
  Decision,
  Verdict,
} from '../../../../src/domain/approvals/approval.js';
import {
  checkRequest,
  type DecideInput,
  decide,
  escalate,
  evaluate,
  expire,
  needed,
  pendingApprovers,
  withdraw,
} from '../../../../src/domain/approvals/rules.js';
import { anApproval } from '../../../support/approval-fixture.js';

const requester: Actor = { userId: 'UREQ', teamId: 'TV', side: 'vendor' };
const vendor: Actor = { userId: 'UV1', teamId: 'TV', side: 'vendor' };
const customer: Actor = { userId: 'UC1', teamId: 'TC', side: 'customer' };
const customer2: Actor = { userId: 'UC2', teamId: 'TC', side: 'customer' };
const backup: Actor = { userId: 'UBACK', teamId: 'TC', side: 'customer' };
const stranger: Actor = { userId: 'USTRANGER', teamId: 'TC', side: 'customer' };

const seat = (a: Actor, backupId: string | null = null): Approver => ({
  userId: a.userId,
  side: a.side,
  backupId,
});
const start = anApproval().createdAt;
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
const dueAt = anApproval().dueAt;

const vote = (actor: Actor, verdict: Verdict, comment: string | null = null): DecideInput => ({
  actor,
  approverId: actor.userId,
  verdict,
  comment: comment ?? (verdict === 'rejected' ? 'Not ready' : null),
});

/** Applies votes that must all be accepted; returns the approval after the last one. */
function decideAll(approval: Approval, votes: DecideInput[], now = at(10)): Approval {
  return votes.reduce((current, v) => {
    const result = decide(current, v, now);
    if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
    return result.value.approval;
  }, approval);
}

const decision = (approverId: string, verdict: Verdict): Decision => ({
  approverId,
  by: { ...vendor, userId: approverId },
  verdict,
  comment: null,
  at: start,
});

describe('needed and evaluate', () => {
  const three = [seat(vendor), seat(customer), seat(customer2)];
  const ds = (...vs: [Actor, Verdict][]) => vs.map(([a, v]) => decision(a.userId, v));

  it('asks for everyone, any one, or N', () => {
    expect(needed({ kind: 'all' }, 3)).toBe(3);
    expect(needed({ kind: 'any' }, 3)).toBe(1);
    expect(needed({ kind: 'at_least', n: 2 }, 3)).toBe(2);
  });

  it.each<[string, ApprovalRule, [Actor, Verdict][], Verdict | 'pending']>([
    ['all: nothing yet', { kind: 'all' }, [], 'pending'],
    [
      'all: two of three approve',
      { kind: 'all' },
      [
        [vendor, 'approved'],
        [customer, 'approved'],
      ],
      'pending',
    ],
    [
      'all: everyone approves',
      { kind: 'all' },
      [
        [vendor, 'approved'],
        [customer, 'approved'],
        [customer2, 'approved'],
      ],
      'approved',
    ],
    ['all: one reject settles at once', { kind: 'all' }, [[customer, 'rejected']], 'rejected'],
    ['any: one approve settles at once', { kind: 'any' }, [[customer2, 'approved']], 'approved'],
    [
      'any: two rejects still leave a chance',
      { kind: 'any' },
      [
        [vendor, 'rejected'],
        [customer, 'rejected'],
      ],
      'pending',
    ],
    [
      'any: rejected only when everyone rejects',
      { kind: 'any' },
      [
        [vendor, 'rejected'],
        [customer, 'rejected'],
        [customer2, 'rejected'],
      ],
      'rejected',
    ],
    ['2 of 3: one approve', { kind: 'at_least', n: 2 }, [[vendor, 'approved']], 'pending'],
    [
      '2 of 3: two approve',
      { kind: 'at_least', n: 2 },
      [
        [vendor, 'approved'],
        [customer, 'approved'],
      ],
      'approved',
    ],
    ['2 of 3: one reject', { kind: 'at_least', n: 2 }, [[vendor, 'rejected']], 'pending'],
    [
      '2 of 3: one each way',
      { kind: 'at_least', n: 2 },
      [
        [vendor, 'rejected'],
        [customer, 'approved'],
      ],
      'pending',
    ],
    [
      '2 of 3: two rejects',
      { kind: 'at_least', n: 2 },
      [
        [vendor, 'rejected'],
        [customer, 'rejected'],
      ],
      'rejected',
    ],
  ])('%s', (_name, rule, votes, expected) => {
    expect(evaluate(rule, three, ds(...votes))).toBe(expected);
  });

  it('counts one vote per approver, the latest, and ignores people who are not approvers', () => {
    const twoOfThree: ApprovalRule = { kind: 'at_least', n: 2 };
    expect(evaluate(twoOfThree, three, ds([vendor, 'approved'], [vendor, 'approved']))).toBe('pending');
    expect(evaluate(twoOfThree, three, ds([vendor, 'approved'], [stranger, 'approved']))).toBe('pending');
    expect(evaluate({ kind: 'all' }, three, ds([vendor, 'rejected'], [vendor, 'approved']))).toBe('pending');
  });
});

describe('decide', () => {
  it('settles once a vendor-side and customer-side approvers have all approved, with a full audit trail', () => {
    const approval = anApproval({ approvers: [seat(vendor), seat(customer)] });
    const first = decide(approval, vote(vendor, 'approved', ' Looks good '), at(5));
    expect(first).toMatchObject({ ok: true, value: { changed: true, approval: { state: 'pending' } } });
    const settled = decideAll(approval, [vote(vendor, 'approved', 'Looks good'), vote(customer, 'approved')]);
    expect(settled).toMatchObject({ state: 'approved', settledAt: at(10), updatedAt: at(10) });
    expect(settled.decisions).toEqual([
      { approverId: 'UV1', by: vendor, verdict: 'approved', comment: 'Looks good', at: at(10) },
      { approverId: 'UC1', by: customer, verdict: 'approved', comment: null, at: at(10) },
    ]);
    expect(settled.audit.map((e) => [e.action, e.by?.userId ?? null, e.by?.side ?? null, e.verdict])).toEqual(
      [
        ['requested', 'UREQ', 'vendor', null],
        ['decided', 'UV1', 'vendor', 'approved'],
        ['decided', 'UC1', 'customer', 'approved'],
        ['settled', null, null, 'approved'],
      ],
    );
    expect(settled.audit[2]?.by?.teamId).toBe('TC');
  });

  it('settles rejected on the first reject under "all", and refuses later decisions', () => {
    const rejected = decideAll(anApproval(), [vote(customer, 'rejected', 'Budget not signed')]);
    expect(rejected).toMatchObject({ state: 'rejected', settledAt: at(10) });
    expect(rejected.audit.at(-2)).toMatchObject({ action: 'decided', note: 'Budget not signed' });
    expect(rejected.audit.at(-1)).toMatchObject({ action: 'settled', verdict: 'rejected' });
    expect(decide(rejected, vote(vendor, 'approved'), at(11))).toMatchObject({
      ok: false,
      error: { code: 'not_pending', message: 'This approval is already rejected.' },
    });
  });

  it('lets people change their mind until settled, and not after', () => {
    const approval = anApproval({ rule: { kind: 'at_least', n: 2 } });
    const wavering = decideAll(approval, [
      vote(vendor, 'approved'),
      vote(vendor, 'rejected', 'Wait, the dates moved'),
      vote(vendor, 'approved'),
    ]);
    expect(wavering.state).toBe('pending');
    expect(wavering.decisions).toHaveLength(1);
    expect(wavering.audit.slice(1).map((e) => [e.action, e.verdict])).toEqual([
      ['decided', 'approved'],
      ['changed', 'rejected'],
      ['changed', 'approved'],
    ]);
    const settled = decideAll(wavering, [vote(customer, 'approved')]);
    expect(settled.state).toBe('approved');
    expect(decide(settled, vote(vendor, 'rejected'), at(20))).toMatchObject({
      ok: false,
      error: { code: 'not_pending' },
    });
  });

  it('counts a double click or a retried delivery once, before and after settlement', () => {
    const once = decideAll(anApproval(), [vote(vendor, 'approved')]);
    const again = decide(once, vote(vendor, 'approved'), at(12));
    expect(again).toEqual({ ok: true, value: { approval: once, changed: false } });
    const settled = decideAll(anApproval(), [vote(customer, 'rejected')]);
    expect(decide(settled, vote(customer, 'rejected'), at(12))).toEqual({
      ok: true,
      value: { approval: settled, changed: false },
    });
  });

  it('refuses anyone who is not a named approver, even naming an approver seat', () => {
    const approval = anApproval();
    const expected = {
      ok: false,
      error: { code: 'forbidden', reason: 'not_an_approver', approverIds: ['UV1', 'UC1', 'UC2'] },
    };
    expect(decide(approval, vote(stranger, 'approved'), at(1))).toEqual(expected);
    expect(decide(approval, { ...vote(stranger, 'approved'), approverId: 'UV1' }, at(1))).toEqual(expected);
    expect(decide(approval, { ...vote(requester, 'approved'), approverId: 'UC1' }, at(1))).toEqual(expected);
  });

  it('refuses the backup before escalation and accepts them after, in the approver seat', () => {
    const approval = anApproval({ rule: { kind: 'any' } });
    const asBackup = { ...vote(backup, 'approved'), approverId: customer.userId };
    expect(decide(approval, asBackup, at(1))).toMatchObject({
      ok: false,
      error: { code: 'forbidden', reason: 'backup_not_asked_yet', approverId: 'UC1' },
    });
    const escalated = escalate(approval, customer.userId, at(2));
    expect(escalated).toMatchObject({ ok: true, value: { changed: true, approval: { escalated: ['UC1'] } } });
    if (!escalated.ok) return;
    const decided = decideAll(escalated.value.approval, [asBackup]);
    expect(decided.state).toBe('approved');
    expect(decided.decisions).toEqual([
      { approverId: 'UC1', by: backup, verdict: 'approved', comment: null, at: at(10) },
    ]);
    expect(decided.audit.map((e) => e.action)).toEqual(['requested', 'escalated', 'decided', 'settled']);
  });

  it('requires a reason for a reject, and keeps an approve comment optional', () => {
    const approval = anApproval();
    for (const comment of [null, '', '   ']) {
      expect(decide(approval, { ...vote(vendor, 'rejected'), comment }, at(1))).toEqual({
        ok: false,
        error: { code: 'invalid', fields: { comment: 'Give a reason for the reject.' } },
      });
    }
    expect(decide(approval, vote(vendor, 'rejected', 'x'.repeat(1001)), at(1))).toMatchObject({
      ok: false,
      error: { code: 'invalid', fields: { comment: expect.any(String) } },
    });
    const approved = decideAll(approval, [{ ...vote(vendor, 'approved'), comment: '  ' }]);
    expect(approved.decisions[0]?.comment).toBeNull();
  });

  it('refuses decisions at or after the due time, even before the expiry job has run', () => {
    expect(decide(anApproval(), vote(vendor, 'approved'), dueAt)).toMatchObject({
      ok: false,
      error: { code: 'not_pending', message: 'This approval is past its due time.' },
    });
  });
});

describe('expire', () => {
  it('expires a pending approval at its due time, not before', () => {
    const approval = anApproval();
    expect(expire(approval, at(24 * 60 - 1))).toEqual({ approval, changed: false });
    for (const now of [dueAt, at(24 * 60 + 30)]) {
      const { approval: expired, changed } = expire(approval, now);
      expect(changed).toBe(true);
      expect(expired).toMatchObject({ state: 'expired', settledAt: now, updatedAt: now });
      expect(expired.audit.at(-1)).toMatchObject({ action: 'expired', at: now, by: null });
      expect(expire(expired, at(99_999))).toEqual({ approval: expired, changed: false });
    }
  });

  it('never expires a settled or withdrawn approval', () => {
    const approved = decideAll(anApproval({ rule: { kind: 'any' } }), [vote(vendor, 'approved')]);
    const rejected = decideAll(anApproval(), [vote(vendor, 'rejected')]);
    const withdrawn = withdraw(anApproval(), requester, at(1));
    if (!withdrawn.ok) throw new Error('withdraw refused');
    for (const settled of [approved, rejected, withdrawn.value.approval]) {
      expect(expire(settled, at(48 * 60))).toEqual({ approval: settled, changed: false });
    }
  });
});

describe('withdraw', () => {
  it('lets only the requester withdraw, once, while pending', () => {
    const approval = anApproval();
    expect(withdraw(approval, vendor, at(1))).toEqual({
      ok: false,
      error: { code: 'forbidden', reason: 'not_the_requester', requesterId: 'UREQ' },
    });
    const withdrawn = withdraw(approval, requester, at(1));
    expect(withdrawn).toMatchObject({
      ok: true,
      value: { changed: true, approval: { state: 'withdrawn', settledAt: at(1) } },
    });
    if (!withdrawn.ok) return;
    expect(withdrawn.value.approval.audit.at(-1)).toMatchObject({ action: 'withdrawn', by: requester });
    expect(withdraw(withdrawn.value.approval, requester, at(2))).toMatchObject({
      ok: true,
      value: { changed: false },
    });
    expect(decide(withdrawn.value.approval, vote(vendor, 'approved'), at(3))).toMatchObject({ ok: false });
    const settled = decideAll(approval, [vote(vendor, 'rejected')]);
    expect(withdraw(settled, requester, at(11))).toMatchObject({ ok: false, error: { code: 'not_pending' } });
  });
});

describe('escalate and pendingApprovers', () => {
  it('escalates only undecided approvers who have a backup, once', () => {
    const approval = decideAll(anApproval({ rule: { kind: 'at_least', n: 2 } }), [vote(vendor, 'approved')]);
    expect(escalate(approval, vendor.userId, at(11))).toMatchObject({
      ok: false,
      error: { code: 'not_applicable' },
    });
    expect(escalate(approval, customer2.userId, at(11))).toMatchObject({
      ok: false,
      error: { code: 'not_applicable' },
    });
    const once = escalate(approval, customer.userId, at(11));
    if (!once.ok) throw new Error('escalation refused');
    expect(once.value.approval.audit.at(-1)).toMatchObject({
      action: 'escalated',
      approverId: 'UC1',
      note: null,
      to: ['UBACK'],
    });
    expect(escalate(once.value.approval, customer.userId, at(12))).toEqual({
      ok: true,
      value: { approval: once.value.approval, changed: false },
    });
  });

  it('lists who still owes a decision, and nobody once settled', () => {
    const approval = decideAll(anApproval(), [vote(vendor, 'approved')]);
    expect(pendingApprovers(approval).map((a) => a.userId)).toEqual(['UC1', 'UC2']);
    const settled = decideAll(approval, [vote(customer, 'rejected')]);
    expect(pendingApprovers(settled)).toEqual([]);
  });
});

describe('checkRequest', () => {
  const valid = {
    title: 'Go live on 1 June',
    details: '',
    approvers: [seat(vendor), seat(customer, backup.userId)],
    rule: { kind: 'at_least', n: 2 } as ApprovalRule,
    dueAt,
  };

  it('accepts a sound request, the requester among the approvers', () => {
    expect(checkRequest(valid, start)).toEqual({});
    expect(checkRequest({ ...valid, approvers: [seat(requester)], rule: { kind: 'any' } }, start)).toEqual(
      {},
    );
  });

  it('names every problem by field', () => {
    expect(
      checkRequest(
        {
          title: '   ',
          details: 'x'.repeat(2001),
          approvers: [seat(vendor, vendor.userId)],
          rule: { kind: 'at_least', n: 2 },
          dueAt: start,
        },
        start,
      ),
    ).toEqual({
      title: 'Say what is being decided.',
      details: expect.any(String),
      backups: 'Someone else must be the backup.',
      rule: 'Ask for between 1 and 1 approvals.',
      dueAt: 'Pick a due time in the future.',
    });
    expect(checkRequest({ ...valid, title: 'x'.repeat(151) }, start)).toHaveProperty('title');
    expect(checkRequest({ ...valid, approvers: [] }, start)).toMatchObject({
      approvers: 'Name at least one approver.',
      rule: expect.any(String),
    });
    expect(checkRequest({ ...valid, approvers: [seat(vendor), seat(vendor)] }, start)).toEqual({
      approvers: 'Name each approver once.',
    });
    for (const n of [0, 3, 1.5]) {
      expect(checkRequest({ ...valid, rule: { kind: 'at_least', n } }, start)).toHaveProperty('rule');
    }
    expect(checkRequest({ ...valid, dueAt: new Date('nope') }, start)).toHaveProperty('dueAt');
  });

  it('refuses an approver as another approver’s backup: once escalated they would vote twice', () => {
    expect(
      checkRequest({ ...valid, approvers: [seat(vendor), seat(customer, vendor.userId)] }, start),
    ).toEqual({
      backups: 'This person is an approver already, so cannot also be a backup.',
    });
  });
});

describe('settlement properties', () => {
  const people: Actor[] = Array.from({ length: 6 }, (_, i) => ({
    userId: `U${i}`,
    teamId: i % 2 ? 'TC' : 'TV',
    side: i % 2 ? 'customer' : 'vendor',
  }));
  const scenario = fc.integer({ min: 1, max: 6 }).chain((m) =>
    fc.record({
      m: fc.constant(m),
      rule: fc.oneof(
        fc.constant<ApprovalRule>({ kind: 'all' }),
        fc.constant<ApprovalRule>({ kind: 'any' }),
        fc.integer({ min: 1, max: m }).map((n): ApprovalRule => ({ kind: 'at_least', n })),
      ),
      votes: fc.array(
        fc.record({ who: fc.nat({ max: m - 1 }), verdict: fc.constantFrom<Verdict>('approved', 'rejected') }),
        { maxLength: 20 },
      ),
    }),
  );

  it('settles exactly when the rule is met or unreachable, and never moves after', () => {
    fc.assert(
      fc.property(scenario, ({ m, rule, votes }) => {
        const seats = people.slice(0, m);
        let approval = anApproval({ approvers: seats.map((a) => seat(a)), rule });
        for (const [i, { who, verdict }] of votes.entries()) {
          const actor = seats[who] as Actor;
          const result = decide(approval, vote(actor, verdict), at(i + 1));
          if (approval.state !== 'pending') {
            // Settled: refused, or a repeat that changes nothing.
            if (result.ok) expect(result.value).toEqual({ approval, changed: false });
            continue;
          }
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const next = result.value.approval;
          expect(next.audit.slice(0, approval.audit.length)).toEqual(approval.audit);
          approval = next;

          const approvals = approval.decisions.filter((d) => d.verdict === 'approved').length;
          const undecided = m - approval.decisions.length;
          const need = needed(rule, m);
          const outcome = evaluate(rule, approval.approvers, approval.decisions);
          expect(approval.state).toBe(outcome);
          expect(approval.decisions.length).toBeLessThanOrEqual(m);
          expect(outcome === 'approved').toBe(approvals >= need);
          expect(outcome === 'rejected').toBe(approvals < need && approvals + undecided < need);
          expect(approval.settledAt === null).toBe(outcome === 'pending');
        }
      }),
      { numRuns: 500 },
    );
  });
});

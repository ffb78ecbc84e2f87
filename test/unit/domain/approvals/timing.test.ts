import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../../src/domain/actors.js';
import { approvalObligation } from '../../../../src/domain/approvals/approval-obligation.js';
import {
  decideAsActor,
  escalateAt,
  escalationMargin,
  newApproval,
  nextCheckAt,
  recordReminder,
  remindAt,
  seatsOf,
  tick,
} from '../../../../src/domain/approvals/rules.js';
import { blankFollowUp, recordReminderSent, refresh } from '../../../../src/domain/follow-ups/plan.js';
import { anApproval } from '../../../support/approval-fixture.js';
import { aPartnership } from '../../../support/partnership-fixture.js';

// The fixture: asked 1 May 09:00 UTC, due a day later; UC1 has the backup UBACK.
const base = anApproval();
const start = base.createdAt;
const at = (hours: number) => new Date(start.getTime() + hours * 3_600_000);
const backup: Actor = { userId: 'UBACK', teamId: 'TC', side: 'customer' };
const uc1: Actor = { userId: 'UC1', teamId: 'TC', side: 'customer' };

describe('when Rapport reminds, escalates and expires', () => {
  it('escalates a quarter of the time before the due time, at most a day, and reminds twice as early', () => {
    expect(escalationMargin(base)).toBe(6 * 3_600_000);
    expect(escalateAt(base)).toEqual(at(18));
    expect(remindAt(base)).toEqual(at(12));
    const longer = { createdAt: start, dueAt: at(24 * 10) };
    expect(escalateAt(longer)).toEqual(at(24 * 9));
    expect(remindAt(longer)).toEqual(at(24 * 8));
  });

  it('checks at the escalation point while a backup is still to be asked, then at the due time, then never', () => {
    expect(nextCheckAt(base)).toEqual(at(18));
    expect(nextCheckAt({ ...base, escalated: ['UC1'] })).toEqual(base.dueAt);
    const noBackups = { ...base, approvers: base.approvers.map((a) => ({ ...a, backupId: null })) };
    expect(nextCheckAt(noBackups)).toEqual(base.dueAt);
    expect(nextCheckAt({ ...base, state: 'approved' })).toBeNull();
  });

  it('opens a new approval with its requester on the record and its first check planned', () => {
    const { requester, title, details, approvers, rule, dueAt } = base;
    const approval = newApproval(
      {
        id: 'AP9',
        partnershipId: 'P1',
        channelId: 'CSHARED',
        requester,
        request: { title, details, approvers, rule, dueAt },
      },
      start,
    );
    const audit = [
      { at: start, action: 'requested', by: requester, approverId: null, verdict: null, note: title, to: [] },
    ];
    expect(approval).toEqual({ ...base, id: 'AP9', checkAt: at(18), audit });
  });

  it('ticks nothing before the escalation point, escalates at it, expires at the due time', () => {
    expect(tick(base, at(17.99)).changed).toBe(false);
    const escalated = tick(base, at(18));
    expect(escalated.approval.escalated).toEqual(['UC1']);
    expect(escalated.approval.checkAt).toEqual(base.dueAt);
    expect(escalated.approval.audit.at(-1)).toMatchObject({ action: 'escalated', approverId: 'UC1' });
    expect(tick(escalated.approval, at(19)).changed).toBe(false);
    const expired = tick(escalated.approval, base.dueAt);
    expect(expired.approval).toMatchObject({ state: 'expired', settledAt: base.dueAt, checkAt: null });
  });

  it('does not escalate an approver who has decided', () => {
    const decided = decideAsActor(base, { actor: uc1, verdict: 'approved', comment: null }, at(1));
    expect(decided.ok && tick(decided.value.approval, at(18)).changed).toBe(false);
  });

  it('records reminders in the trail while pending only', () => {
    const reminded = recordReminder(base, 'UC1', ['UBACK'], at(18));
    expect(reminded.approval.audit.at(-1)).toMatchObject({
      action: 'reminded',
      approverId: 'UC1',
      note: null,
      to: ['UBACK'],
      by: null,
    });
    expect(recordReminder({ ...base, state: 'withdrawn' }, 'UC1', ['UC1'], at(18)).changed).toBe(false);
  });
});

describe('who decides for which seat', () => {
  it('gives an approver their own seat, and a backup every seat passed on to them', () => {
    const twoSeats = anApproval({
      approvers: [
        { userId: 'UC1', side: 'customer', backupId: 'UBACK' },
        { userId: 'UC2', side: 'customer', backupId: 'UBACK' },
      ],
      rule: { kind: 'all' },
    });
    expect(seatsOf(twoSeats, uc1)).toEqual({ ok: true, value: ['UC1'] });
    expect(seatsOf(twoSeats, backup)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const escalated = { ...twoSeats, escalated: ['UC1', 'UC2'] };
    expect(seatsOf(escalated, backup)).toEqual({ ok: true, value: ['UC1', 'UC2'] });
    const decided = decideAsActor(escalated, { actor: backup, verdict: 'approved', comment: null }, at(19));
    expect(decided.ok && decided.value.approval.state).toBe('approved');
    expect(decided.ok && decided.value.approval.decisions.map((d) => [d.approverId, d.by.userId])).toEqual([
      ['UC1', 'UBACK'],
      ['UC2', 'UBACK'],
    ]);
  });
});

describe('an approver seat in the nag engine', () => {
  const p = aPartnership();

  it('owes a decision by the due time with one heads-up at the reminder time', () => {
    expect(approvalObligation(base, 'UC1')).toEqual({
      ownerId: 'UC1',
      side: 'customer',
      target: 'sign_off',
      dueAt: base.dueAt,
      warnAt: at(12),
      endsAtDue: true,
    });
  });

  it('is owed by the backup from the escalation on, who is reminded at once', () => {
    const escalated = tick(base, at(18)).approval;
    expect(approvalObligation(escalated, 'UC1')).toMatchObject({ ownerId: 'UBACK', warnAt: at(18) });
  });

  it('owes nothing once the seat decided or the approval settled', () => {
    const decided = decideAsActor(base, { actor: uc1, verdict: 'approved', comment: null }, at(1));
    expect(decided.ok && approvalObligation(decided.value.approval, 'UC1')).toBeNull();
    expect(approvalObligation({ ...base, state: 'withdrawn' }, 'UV1')).toBeNull();
  });

  it('plans the heads-up and nothing after it: the approval expires on its own', () => {
    const obligation = approvalObligation(base, 'UV1');
    if (!obligation) throw new Error('owed');
    const planned = refresh(
      blankFollowUp({ type: 'approval', id: 'AP1/UV1' }, 'P1', 'f', start),
      obligation,
      p,
      start,
    );
    expect(planned.nextNagAt).toEqual(at(12));
    const nagged = recordReminderSent(
      planned,
      obligation,
      p,
      'due_soon',
      [{ kind: 'user', id: 'UV1', rung: 'owner' }],
      at(12),
    );
    expect(nagged.nextNagAt).toBeNull();
    expect(nagged.closed).toBe(false);
  });
});

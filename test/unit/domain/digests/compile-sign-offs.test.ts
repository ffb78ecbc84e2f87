import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../../src/domain/actors.js';
import type { Approval } from '../../../../src/domain/approvals/approval.js';
import { compileCustomerDigest } from '../../../../src/domain/digests/compile-customer-digest.js';
import { type DigestSources, SIGN_OFFS_READ } from '../../../../src/domain/digests/digest-sources.js';
import { anApproval } from '../../../support/approval-fixture.js';
import { aPartnership } from '../../../support/partnership-fixture.js';

const NOW = new Date('2026-11-23T08:00:00Z');
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000);
const UV1: Actor = { userId: 'UV1', teamId: 'TV', side: 'vendor' };

function sources(approvals: Approval[]): DigestSources {
  return {
    partnership: aPartnership(),
    now: NOW,
    period: { start: hours(-7 * 24), end: NOW, first: false },
    asks: [],
    followUps: [],
    messages: [],
    ratings: [],
    digests: [],
    approvals,
    stakeholders: [],
    incidents: [],
    announcements: [],
  };
}

const signOffsOf = (approvals: Approval[]) => compileCustomerDigest(sources(approvals)).signOffs;

describe('compileCustomerDigest: approvals waiting', () => {
  it('lists the pending approvals soonest due first, each with the seats still undecided', () => {
    const later = anApproval({ id: 'later', dueAt: hours(48) });
    const sooner = anApproval({
      id: 'sooner',
      dueAt: hours(5),
      decisions: [{ approverId: 'UV1', by: UV1, verdict: 'approved', comment: null, at: hours(-1) }],
    });
    const { waiting, atLeast } = signOffsOf([later, sooner]);
    expect(atLeast).toBe(false);
    expect(waiting.map((s) => s.approval.id)).toEqual(['sooner', 'later']);
    expect(waiting[0]?.waitingOn).toEqual([
      { approverId: 'UC1', backupId: null },
      { approverId: 'UC2', backupId: null },
    ]);
    expect(waiting[1]?.waitingOn.map((w) => w.approverId)).toEqual(['UV1', 'UC1', 'UC2']);
  });

  it('names the backup of a seat passed on to them, and only once it was', () => {
    const escalated = anApproval({ escalated: ['UC1'] });
    expect(signOffsOf([escalated]).waiting[0]?.waitingOn).toContainEqual({
      approverId: 'UC1',
      backupId: 'UBACK',
    });
    // Escalated, but the seat has no backup to pass it to: still the approver's.
    const noBackup = anApproval({ escalated: ['UC2'] });
    expect(signOffsOf([noBackup]).waiting[0]?.waitingOn).toContainEqual({
      approverId: 'UC2',
      backupId: null,
    });
  });

  it('leaves out approvals that are no longer pending, and has nothing when none is', () => {
    const settled = [
      anApproval({ id: 'ok', state: 'approved', settledAt: hours(-2) }),
      anApproval({ id: 'gone', state: 'withdrawn', settledAt: hours(-3) }),
    ];
    expect(signOffsOf(settled)).toEqual({ waiting: [], atLeast: false });
    expect(signOffsOf([...settled, anApproval({ id: 'open' })]).waiting.map((s) => s.approval.id)).toEqual([
      'open',
    ]);
  });

  it('keeps what it read, and says when more were pending than a digest reads', () => {
    const many = (count: number) =>
      Array.from({ length: count }, (_, i) => anApproval({ id: `a-${i}`, dueAt: hours(i + 1) }));
    expect(signOffsOf(many(SIGN_OFFS_READ))).toMatchObject({ atLeast: false });
    const over = signOffsOf(many(SIGN_OFFS_READ + 1));
    expect(over.atLeast).toBe(true);
    expect(over.waiting).toHaveLength(SIGN_OFFS_READ);
    expect(over.waiting.at(-1)?.approval.id).toBe(`a-${SIGN_OFFS_READ - 1}`);
  });
});

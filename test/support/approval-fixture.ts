import type { Actor } from '../../src/domain/actors.js';
import type { Approval } from '../../src/domain/approvals/approval.js';

const requester: Actor = { userId: 'UREQ', teamId: 'TV', side: 'vendor' };
const createdAt = new Date('2026-05-01T09:00:00Z');

/** A pending approval asking a vendor and two customer approvers (the first customer with a backup), due in a day. */
export function anApproval(overrides: Partial<Approval> = {}): Approval {
  return {
    id: 'AP1',
    partnershipId: 'P1',
    channelId: 'CSHARED',
    title: 'Go live on 1 June',
    details: 'Cut-over plan in the doc.',
    requester,
    approvers: [
      { userId: 'UV1', side: 'vendor', backupId: null },
      { userId: 'UC1', side: 'customer', backupId: 'UBACK' },
      { userId: 'UC2', side: 'customer', backupId: null },
    ],
    rule: { kind: 'all' },
    dueAt: new Date(createdAt.getTime() + 86_400_000),
    decisions: [],
    escalated: [],
    state: 'pending',
    settledAt: null,
    checkAt: new Date(createdAt.getTime() + 86_400_000),
    card: null,
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
    version: 1,
    ...overrides,
  };
}

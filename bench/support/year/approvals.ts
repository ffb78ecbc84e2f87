/**
 * One approval's life, through the domain's own rules: requested, decided seat by seat, escalated to a
 * backup when it waits too long, settled or expired; pending still when the year ends first.
 */
import type { Actor } from '../../../src/domain/actors.js';
import type { Approval } from '../../../src/domain/approvals/approval.js';
import { decide, escalateAt, newApproval, tick } from '../../../src/domain/approvals/rules.js';
import type { Partnership } from '../../../src/domain/partnerships/partnership.js';

const DAY = 86_400_000;

export interface ApprovalSeed {
  partnership: Partnership;
  number: number;
  requester: Actor;
  /** The vendor's approver first, then the customer's; the first customer's backup is `customerBackup`. */
  approvers: Actor[];
  customerBackup: string;
  createdAt: Date;
  random: () => number;
}

/** The approval as requested, and as it stands at `end`, with the moment of its last change. */
export function yearApproval(
  seed: ApprovalSeed,
  end: Date,
): { created: Approval; now: Approval; lastChangeAt: Date } {
  const { partnership: p, random: r } = seed;
  const created: Approval = {
    ...newApproval(
      {
        id: `ap-${p.id}-${seed.number}`,
        partnershipId: p.id,
        channelId: p.channelId,
        requester: seed.requester,
        request: {
          title: `Go live of release ${seed.number} for ${p.accountName}`,
          details: 'Cut-over on the agreed date; the rollback plan and the test report are in the thread.',
          approvers: seed.approvers.map((a, k) => ({
            userId: a.userId,
            side: a.side,
            backupId: k === 1 ? seed.customerBackup : null,
          })),
          rule: { kind: 'all' },
          dueAt: new Date(seed.createdAt.getTime() + (2 + Math.floor(3 * r())) * DAY),
        },
      },
      seed.createdAt,
    ),
    card: { channelId: p.channelId, ts: `${Math.floor(seed.createdAt.getTime() / 1000)}.000900` },
  };
  let now = created;
  let lastChangeAt = seed.createdAt;
  const decisions = seed.approvers
    .map((actor) => ({ actor, at: new Date(seed.createdAt.getTime() + 3.5 * DAY * r() * r()) }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const { actor, at } of decisions) {
    if (at > end || now.state !== 'pending') break;
    const ticked = tick(now, at);
    if (ticked.changed) now = ticked.approval;
    if (now.state !== 'pending') break;
    const verdict = r() < 0.05 ? 'rejected' : 'approved';
    const decided = decide(
      now,
      {
        actor,
        approverId: actor.userId,
        verdict,
        comment: verdict === 'rejected' ? 'Not before the audit.' : null,
      },
      at,
    );
    if (decided.ok) now = decided.value.approval;
    lastChangeAt = at;
  }
  // What the approvals tick did meanwhile: escalation to the backup, expiry at the due time.
  for (const at of [escalateAt(now), now.dueAt]) {
    if (now.state !== 'pending' || at > end || at < lastChangeAt) continue;
    const ticked = tick(now, at);
    if (ticked.changed) {
      now = ticked.approval;
      lastChangeAt = at;
    }
  }
  return { created, now, lastChangeAt };
}

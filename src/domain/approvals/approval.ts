import type { Actor, Side } from '../actors.js';

/** How many approvers must say yes: everyone, any one, or at least `n` of them. */
export type ApprovalRule = { kind: 'all' } | { kind: 'any' } | { kind: 'at_least'; n: number };

export type Verdict = 'approved' | 'rejected';

export interface Approver {
  userId: string;
  side: Side;
  /** Who may decide in the approver's place once the approval is escalated to them. */
  backupId: string | null;
}

/** The current decision for one approver seat, whoever filled it. */
export interface Decision {
  approverId: string;
  /** The approver, or their backup once escalated. */
  by: Actor;
  verdict: Verdict;
  /** Required for a reject (the reason), optional for an approve. */
  comment: string | null;
  at: Date;
}

export type ApprovalState = 'pending' | 'approved' | 'rejected' | 'expired' | 'withdrawn';

/** One line of the append-only trail: who (user, side, team via Actor), what, when. */
export interface AuditEntry {
  at: Date;
  action:
    | 'requested'
    | 'decided'
    | 'changed'
    | 'reminded'
    | 'escalated'
    | 'settled'
    | 'expired'
    | 'withdrawn';
  /** Null for what Rapport does on its own (settling, expiry, escalation, reminders). */
  by: Actor | null;
  /** The approver seat the entry is about, if any. */
  approverId: string | null;
  /** The verdict given ('decided', 'changed') or reached ('settled'). */
  verdict: Verdict | null;
  note: string | null;
  /** Who was reminded ('reminded') or asked in the approver's place ('escalated'); empty otherwise. */
  to: string[];
}

/** What the requester fills in; checked by `checkRequest`. */
export interface ApprovalRequest {
  title: string;
  details: string;
  approvers: Approver[];
  rule: ApprovalRule;
  dueAt: Date;
}

export interface Approval extends ApprovalRequest {
  id: string;
  partnershipId: string;
  channelId: string;
  requester: Actor;
  /** At most one per approver: a change of mind replaces the previous one. */
  decisions: Decision[];
  /** Approvers whose backup may now decide for them. */
  escalated: string[];
  state: ApprovalState;
  /** When the approval left 'pending', whatever the outcome. */
  settledAt: Date | null;
  /**
   * When Rapport must look at it next: the escalation point while an undecided approver has a backup,
   * then the due time; null once settled. Indexed, so the approvals tick reads only what is due.
   */
  checkAt: Date | null;
  /** The one approval card in the shared channel. */
  card: { channelId: string; ts: string } | null;
  audit: AuditEntry[];
  createdAt: Date;
  updatedAt: Date;
  /** Bumped by the repository on each compare-and-set, never by the rules. */
  version: number;
}

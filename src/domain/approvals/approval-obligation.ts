import type { Obligation } from '../sla/obligation.js';
import type { Approval } from './approval.js';
import { pendingApprovers, remindAt } from './rules.js';

/**
 * What one approver seat owes the nag engine: a decision by the due time, from the approver or, once
 * escalated, from their backup, who is reminded at once. Nothing once decided or settled, and nothing
 * after the due time, when the approval expires on its own.
 */
export function approvalObligation(approval: Approval, approverId: string): Obligation | null {
  const seat = pendingApprovers(approval).find((a) => a.userId === approverId);
  if (!seat) return null;
  const escalatedAt = approval.audit.find((e) => e.action === 'escalated' && e.approverId === approverId)?.at;
  const toBackup = escalatedAt !== undefined && seat.backupId !== null;
  return {
    ownerId: toBackup ? (seat.backupId as string) : seat.userId,
    side: seat.side,
    target: 'sign_off',
    dueAt: approval.dueAt,
    warnAt: toBackup ? escalatedAt : remindAt(approval),
    endsAtDue: true,
  };
}

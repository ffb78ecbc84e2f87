import type { Actor } from '../../domain/actors.js';
import type { ApprovalRequest, Verdict } from '../../domain/approvals/approval.js';
import {
  type ApprovalDeps,
  decideApproval,
  requestApproval,
  type SavedChange,
  tickApproval,
  withdrawApproval,
} from '../../domain/approvals/approval-actions.js';
import type { Partnership } from '../../domain/partnerships/partnership.js';
import type { Clock, Repositories } from '../../domain/ports.js';
import type { Result } from '../../domain/result.js';
import type { Consequences } from '../consequences.js';

export interface ApprovalUseCaseDeps {
  repositories: Repositories;
  clock: Clock;
  newId: () => string;
  consequences: Consequences;
}

const approvalsOf = (deps: ApprovalUseCaseDeps): ApprovalDeps => ({
  approvals: deps.repositories.approvals,
  clock: deps.clock,
});

/** Owes the effects of a change that was stored; a refusal or a repeat owes nothing. */
function owed<E>(deps: ApprovalUseCaseDeps, result: Result<SavedChange, E>): Result<SavedChange, E> {
  if (result.ok && result.value.changed) deps.consequences.owe('approval', result.value.approval.id);
  return result;
}

export async function askForApproval(
  deps: ApprovalUseCaseDeps,
  input: { actor: Actor; partnership: Partnership; request: ApprovalRequest },
) {
  const result = await requestApproval({ ...approvalsOf(deps), newId: deps.newId }, input);
  if (result.ok) deps.consequences.owe('approval', result.value.id);
  return result;
}

export const decide = async (
  deps: ApprovalUseCaseDeps,
  approvalId: string,
  input: { actor: Actor; verdict: Verdict; comment: string | null },
) => owed(deps, await decideApproval(approvalsOf(deps), approvalId, input));

export const withdraw = async (deps: ApprovalUseCaseDeps, approvalId: string, actor: Actor) =>
  owed(deps, await withdrawApproval(approvalsOf(deps), approvalId, actor));

/** A due check of a pending approval (by the minute job): expiry at the due time, escalation before it. */
export const checkDueApproval = async (deps: ApprovalUseCaseDeps, approvalId: string) =>
  owed(deps, await tickApproval(approvalsOf(deps), approvalId));

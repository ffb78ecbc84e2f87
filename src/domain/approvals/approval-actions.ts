import type { Actor } from '../actors.js';
import { changeByCompareAndSet } from '../compare-and-set.js';
import type { Partnership } from '../partnerships/partnership.js';
import type { ApprovalRepository, Clock } from '../ports.js';
import { fail, ok, type Result } from '../result.js';
import type { Approval, ApprovalRequest, AuditEntry, Verdict } from './approval.js';
import {
  type ApprovalChange,
  type ApprovalRefusal,
  checkRequest,
  type DecideError,
  decideAsActor,
  newApproval,
  type RequestErrors,
  recordReminder,
  tick,
  withdraw,
} from './rules.js';

export interface ApprovalDeps {
  approvals: ApprovalRepository;
  clock: Clock;
}

export type NotFound = { code: 'not_found'; message: string };

/** A change as stored, with the audit entries it added: what Slack announces. */
export interface SavedChange extends ApprovalChange {
  entries: AuditEntry[];
}

const MAX_ROUNDS = 20;

/**
 * Applies a rule to the stored approval by compare-and-set (see changeByCompareAndSet): two approvers
 * clicking at once both count, and a repeat counts once.
 */
async function changeApproval<E>(
  deps: ApprovalDeps,
  approvalId: string,
  change: (approval: Approval, now: Date) => Result<ApprovalChange, E>,
): Promise<Result<SavedChange, E | NotFound>> {
  const result = await changeByCompareAndSet(
    { store: deps.approvals, clock: deps.clock, what: 'approval' },
    approvalId,
    MAX_ROUNDS,
    (approval, now) => {
      const applied = change(approval, now);
      if (!applied.ok) return applied;
      return ok(applied.value.changed ? applied.value.approval : ('unchanged' as const));
    },
  );
  if (!result) return fail({ code: 'not_found', message: 'That approval no longer exists.' });
  if (!result.ok) return result;
  const { before, after, changed } = result.value;
  return ok({ approval: after, changed, entries: after.audit.slice(before.audit.length) });
}

/** Stores a new approval after checking the request; the card is Slack's business. */
export async function requestApproval(
  deps: ApprovalDeps & { newId: () => string },
  input: { actor: Actor; partnership: Partnership; request: ApprovalRequest },
): Promise<Result<Approval, RequestErrors>> {
  const now = deps.clock.now();
  const errors = checkRequest(input.request, now);
  if (Object.keys(errors).length > 0) return fail(errors);
  const approval = newApproval(
    {
      id: deps.newId(),
      partnershipId: input.partnership.id,
      channelId: input.partnership.channelId,
      requester: input.actor,
      request: input.request,
    },
    now,
  );
  await deps.approvals.insert(approval);
  return ok(approval);
}

export const decideApproval = (
  deps: ApprovalDeps,
  approvalId: string,
  input: { actor: Actor; verdict: Verdict; comment: string | null },
): Promise<Result<SavedChange, DecideError | NotFound>> =>
  changeApproval(deps, approvalId, (approval, now) => decideAsActor(approval, input, now));

export const withdrawApproval = (
  deps: ApprovalDeps,
  approvalId: string,
  actor: Actor,
): Promise<Result<SavedChange, ApprovalRefusal | NotFound>> =>
  changeApproval(deps, approvalId, (approval, now) => withdraw(approval, actor, now));

/** Expiry and escalation of one approval whose check is due. */
export const tickApproval = (deps: ApprovalDeps, approvalId: string) =>
  changeApproval(deps, approvalId, (approval, now) => ok(tick(approval, now)));

export const recordApprovalReminder = (
  deps: ApprovalDeps,
  approvalId: string,
  approverId: string,
  reminded: string[],
) =>
  changeApproval(deps, approvalId, (approval, now) =>
    ok(recordReminder(approval, approverId, reminded, now)),
  );

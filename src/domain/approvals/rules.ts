import type { Actor } from '../actors.js';
import { fail, ok, type Result } from '../result.js';
import type {
  Approval,
  ApprovalRequest,
  ApprovalRule,
  Approver,
  AuditEntry,
  Decision,
  Verdict,
} from './approval.js';

export const MAX_TITLE = 150;
export const MAX_DETAILS = 2000;
export const MAX_COMMENT = 1000;
/** The card lists every approver; past this it no longer reads (nor fits Block Kit limits). */
export const MAX_APPROVERS = 20;

export type RequestField = 'title' | 'details' | 'approvers' | 'backups' | 'rule' | 'dueAt';
export type RequestErrors = Partial<Record<RequestField, string>>;

/**
 * An expected refusal, shown privately to whoever tried. One that names people gives a reason and
 * their user ids instead of words: how to mention someone is the Slack layer's business.
 */
export type ApprovalRefusal =
  | { code: 'not_pending' | 'not_applicable'; message: string }
  | { code: 'forbidden'; reason: 'not_an_approver'; approverIds: string[] }
  | { code: 'forbidden'; reason: 'backup_not_asked_yet'; approverId: string }
  | { code: 'forbidden'; reason: 'not_the_requester'; requesterId: string };
export type DecideError = ApprovalRefusal | { code: 'invalid'; fields: { comment: string } };

/** `changed` is false when the change was already in effect (a double click, a retried delivery). */
export type ApprovalChange = { approval: Approval; changed: boolean };

export interface DecideInput {
  actor: Actor;
  /** The seat decided for: the actor's own, or one whose backup they are. */
  approverId: string;
  verdict: Verdict;
  comment: string | null;
}

/** How many approvals the rule asks for among `approverCount` approvers. */
export function needed(rule: ApprovalRule, approverCount: number): number {
  switch (rule.kind) {
    case 'all':
      return approverCount;
    case 'any':
      return 1;
    case 'at_least':
      return rule.n;
  }
}

/**
 * Settles as early as the outcome is certain: approved once enough approvals are in, rejected once
 * the approvals plus the seats still undecided can no longer reach what the rule needs.
 */
export function evaluate(
  rule: ApprovalRule,
  approvers: readonly Approver[],
  decisions: readonly Decision[],
): Verdict | 'pending' {
  // One vote per seat, the latest one, and only from seats that exist.
  const seats = new Set(approvers.map((a) => a.userId));
  const current = new Map<string, Verdict>();
  for (const d of decisions) if (seats.has(d.approverId)) current.set(d.approverId, d.verdict);
  const approvals = [...current.values()].filter((v) => v === 'approved').length;
  const undecided = seats.size - current.size;
  const need = needed(rule, seats.size);
  if (approvals >= need) return 'approved';
  if (approvals + undecided < need) return 'rejected';
  return 'pending';
}

const audit = (at: Date, action: AuditEntry['action'], fields: Partial<AuditEntry> = {}): AuditEntry => ({
  at,
  action,
  by: null,
  approverId: null,
  verdict: null,
  note: null,
  to: [],
  ...fields,
});

const notPending = (approval: Approval) =>
  fail({ code: 'not_pending' as const, message: `This approval is already ${approval.state}.` });

/** The approval after a change, with its audit entries appended and its next check re-planned. */
function changedTo(
  approval: Approval,
  now: Date,
  changes: Partial<Approval>,
  entries: AuditEntry[],
): ApprovalChange {
  const next = { ...approval, ...changes, audit: [...approval.audit, ...entries], updatedAt: now };
  return { approval: { ...next, checkAt: nextCheckAt(next) }, changed: true };
}

const DAY_MS = 86_400_000;

/**
 * How long before the due time an undecided approver's backup is asked: a quarter of the time the
 * approvers were given, at most a day. The reminder comes twice as long before the due time.
 */
export function escalationMargin(approval: Pick<Approval, 'createdAt' | 'dueAt'>): number {
  return Math.min((approval.dueAt.getTime() - approval.createdAt.getTime()) / 4, DAY_MS);
}

const beforeDue = (approval: Pick<Approval, 'createdAt' | 'dueAt'>, margins: number) =>
  new Date(
    Math.max(approval.createdAt.getTime(), approval.dueAt.getTime() - margins * escalationMargin(approval)),
  );

/** When undecided approvers with a backup are passed on to their backup. */
export const escalateAt = (approval: Pick<Approval, 'createdAt' | 'dueAt'>) => beforeDue(approval, 1);

/** When undecided approvers get their private reminder. */
export const remindAt = (approval: Pick<Approval, 'createdAt' | 'dueAt'>) => beforeDue(approval, 2);

/** The escalation point while someone undecided has a backup not yet asked, then the due time. */
export function nextCheckAt(approval: Approval): Date | null {
  if (approval.state !== 'pending') return null;
  const toEscalate = pendingApprovers(approval).some(
    (a) => a.backupId !== null && !approval.escalated.includes(a.userId),
  );
  return toEscalate ? escalateAt(approval) : approval.dueAt;
}

export interface NewApproval {
  id: string;
  partnershipId: string;
  channelId: string;
  requester: Actor;
  request: ApprovalRequest;
}

/** A checked request as a pending approval, its trail opened with who asked. */
export function newApproval(fields: NewApproval, now: Date): Approval {
  const { request, ...rest } = fields;
  const approval: Approval = {
    ...rest,
    ...request,
    decisions: [],
    escalated: [],
    state: 'pending',
    settledAt: null,
    checkAt: null,
    card: null,
    audit: [audit(now, 'requested', { by: fields.requester, note: request.title })],
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  return { ...approval, checkAt: nextCheckAt(approval) };
}

/** Records a decision for one approver seat, and settles the approval when the rule says so. */
export function decide(
  approval: Approval,
  input: DecideInput,
  now: Date,
): Result<ApprovalChange, DecideError> {
  const { actor, approverId, verdict } = input;
  const refused = mayDecide(approval, actor, approverId);
  if (refused) return fail(refused);
  const previous = approval.decisions.find((d) => d.approverId === approverId);
  // A repeat of the current verdict is a double click or a retried delivery, even once settled.
  if (previous?.verdict === verdict) return ok({ approval, changed: false });
  if (approval.state !== 'pending') return notPending(approval);
  if (now >= approval.dueAt)
    return fail({ code: 'not_pending', message: 'This approval is past its due time.' });
  const comment = input.comment?.trim() || null;
  if (verdict === 'rejected' && !comment) {
    return fail({ code: 'invalid', fields: { comment: 'Give a reason for the reject.' } });
  }
  if (comment && comment.length > MAX_COMMENT) {
    return fail({ code: 'invalid', fields: { comment: `Keep it under ${MAX_COMMENT} characters.` } });
  }

  const decision: Decision = { approverId, by: actor, verdict, comment, at: now };
  const decisions = [...approval.decisions.filter((d) => d.approverId !== approverId), decision];
  const entries = [
    audit(now, previous ? 'changed' : 'decided', { by: actor, approverId, verdict, note: comment }),
  ];
  const outcome = evaluate(approval.rule, approval.approvers, decisions);
  if (outcome !== 'pending') entries.push(audit(now, 'settled', { verdict: outcome }));
  const settledAt = outcome === 'pending' ? null : now;
  return ok(changedTo(approval, now, { decisions, state: outcome, settledAt }, entries));
}

/**
 * The seats `actor` decides for: their own, or those passed on to them as a backup (one person may
 * stand in for several approvers). Anyone else is told who can decide.
 */
export function seatsOf(approval: Approval, actor: Actor): Result<string[], ApprovalRefusal> {
  if (approval.approvers.some((a) => a.userId === actor.userId)) return ok([actor.userId]);
  const standIns = approval.approvers.filter(
    (a) => a.backupId === actor.userId && approval.escalated.includes(a.userId),
  );
  if (standIns.length > 0) return ok(standIns.map((a) => a.userId));
  const backupOf = approval.approvers.find((a) => a.backupId === actor.userId);
  return fail(mayDecide(approval, actor, backupOf?.userId ?? '') as ApprovalRefusal);
}

/** One decision by `actor` for every seat they hold; settling stops it, as nothing more can count. */
export function decideAsActor(
  approval: Approval,
  input: Omit<DecideInput, 'approverId'>,
  now: Date,
): Result<ApprovalChange, DecideError> {
  const seats = seatsOf(approval, input.actor);
  if (!seats.ok) return seats;
  let current: ApprovalChange = { approval, changed: false };
  for (const approverId of seats.value) {
    if (current.changed && current.approval.state !== 'pending') break;
    const next = decide(current.approval, { ...input, approverId }, now);
    if (!next.ok) return next;
    current = { approval: next.value.approval, changed: current.changed || next.value.changed };
  }
  return ok(current);
}

/** The named approver, or their backup once escalated; anyone else is told who can. */
function mayDecide(approval: Approval, actor: Actor, approverId: string): ApprovalRefusal | null {
  const seat = approval.approvers.find((a) => a.userId === approverId);
  if (seat && actor.userId === seat.userId) return null;
  if (seat && actor.userId === seat.backupId) {
    if (approval.escalated.includes(seat.userId)) return null;
    return { code: 'forbidden', reason: 'backup_not_asked_yet', approverId: seat.userId };
  }
  return {
    code: 'forbidden',
    reason: 'not_an_approver',
    approverIds: approval.approvers.map((a) => a.userId),
  };
}

/** Pending past its due time: expired. Anything else is left as it is. */
export function expire(approval: Approval, now: Date): ApprovalChange {
  if (approval.state !== 'pending' || now < approval.dueAt) return { approval, changed: false };
  return changedTo(approval, now, { state: 'expired', settledAt: now }, [audit(now, 'expired')]);
}

/**
 * What the passing of time does: past the due time a pending approval expires; past the escalation
 * point every undecided approver with a backup is passed on to them.
 */
export function tick(approval: Approval, now: Date): ApprovalChange {
  if (approval.state !== 'pending') return { approval, changed: false };
  if (now >= approval.dueAt) return expire(approval, now);
  if (now < escalateAt(approval)) return { approval, changed: false };
  let current: ApprovalChange = { approval, changed: false };
  for (const seat of pendingApprovers(approval)) {
    if (!seat.backupId || approval.escalated.includes(seat.userId)) continue;
    const next = escalate(current.approval, seat.userId, now);
    if (next.ok) current = { approval: next.value.approval, changed: true };
  }
  return current;
}

/** Notes in the trail that the nag engine reminded these people about one approver's seat. */
export function recordReminder(
  approval: Approval,
  approverId: string,
  reminded: string[],
  now: Date,
): ApprovalChange {
  if (approval.state !== 'pending' || reminded.length === 0) return { approval, changed: false };
  const entry = audit(now, 'reminded', { approverId, to: reminded });
  return changedTo(approval, now, {}, [entry]);
}

/** The requester takes back a pending approval. */
export function withdraw(
  approval: Approval,
  actor: Actor,
  now: Date,
): Result<ApprovalChange, ApprovalRefusal> {
  if (actor.userId !== approval.requester.userId) {
    return fail({ code: 'forbidden', reason: 'not_the_requester', requesterId: approval.requester.userId });
  }
  if (approval.state === 'withdrawn') return ok({ approval, changed: false });
  if (approval.state !== 'pending') return notPending(approval);
  const entry = audit(now, 'withdrawn', { by: actor });
  return ok(changedTo(approval, now, { state: 'withdrawn', settledAt: now }, [entry]));
}

/** Lets an undecided approver's backup decide in their place. */
export function escalate(
  approval: Approval,
  approverId: string,
  now: Date,
): Result<ApprovalChange, ApprovalRefusal> {
  if (approval.state !== 'pending') return notPending(approval);
  if (approval.escalated.includes(approverId)) return ok({ approval, changed: false });
  const seat = pendingApprovers(approval).find((a) => a.userId === approverId);
  if (!seat?.backupId) {
    return fail({ code: 'not_applicable', message: 'This approver has no backup or has decided.' });
  }
  const entry = audit(now, 'escalated', { approverId, to: [seat.backupId] });
  return ok(changedTo(approval, now, { escalated: [...approval.escalated, approverId] }, [entry]));
}

/** The approvers still owing a decision: the ones to nag. Nobody once the approval is settled. */
export function pendingApprovers(approval: Approval): Approver[] {
  if (approval.state !== 'pending') return [];
  const decided = new Set(approval.decisions.map((d) => d.approverId));
  return approval.approvers.filter((a) => !decided.has(a.userId));
}

/** Every problem with a new request, by form field; empty when it can be sent. */
export function checkRequest(request: ApprovalRequest, now: Date): RequestErrors {
  const { title, details, approvers, rule, dueAt } = request;
  const errors: RequestErrors = {};
  const trimmed = title.trim();
  if (!trimmed) errors.title = 'Say what is being decided.';
  else if (trimmed.length > MAX_TITLE) errors.title = `Keep the title under ${MAX_TITLE} characters.`;
  if (details.length > MAX_DETAILS) errors.details = `Keep the details under ${MAX_DETAILS} characters.`;

  const ids = approvers.map((a) => a.userId);
  if (ids.length === 0) errors.approvers = 'Name at least one approver.';
  else if (new Set(ids).size < ids.length) errors.approvers = 'Name each approver once.';
  else if (ids.length > MAX_APPROVERS) errors.approvers = `Name at most ${MAX_APPROVERS} approvers.`;
  const selfBackup = approvers.some((a) => a.backupId === a.userId);
  // An approver standing in for another would cast two votes once escalated.
  const approverAsBackup = approvers.some(
    (a) => a.backupId !== null && a.backupId !== a.userId && ids.includes(a.backupId),
  );
  // The words of the request form's own check of each backup row, which comes first.
  if (selfBackup) errors.backups = 'Someone else must be the backup.';
  else if (approverAsBackup)
    errors.backups = 'This person is an approver already, so cannot also be a backup.';

  if (rule.kind === 'at_least' && !(Number.isInteger(rule.n) && rule.n >= 1 && rule.n <= ids.length)) {
    errors.rule = `Ask for between 1 and ${Math.max(ids.length, 1)} approvals.`;
  }
  if (Number.isNaN(dueAt.getTime()) || dueAt <= now) errors.dueAt = 'Pick a due time in the future.';
  return errors;
}

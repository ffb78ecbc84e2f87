import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Side } from '../../domain/actors.js';
import type { ApprovalRequest, ApprovalRule, Approver } from '../../domain/approvals/approval.js';
import { checkRequest, type RequestField } from '../../domain/approvals/rules.js';
import type { BlockErrors } from '../setup/parse-setup-submission.js';
import { INPUT } from '../shared/ids.js';
import { parseMetadata } from '../shared/json-metadata.js';
import { element, type ViewStateValues, viewStateValues } from '../shared/view-state.js';
import { APPROVAL_BLOCKS } from './ids.js';

const B = APPROVAL_BLOCKS;
const requestMetadata = z.object({ channelId: z.string().min(1) });
const decisionMetadata = z.object({ approvalId: z.string().min(1) });

export type ParsedApprovalRequest =
  | { ok: true; channelId: string; request: ApprovalRequest }
  | { ok: false; errors: BlockErrors }
  | { ok: 'malformed' };

export interface RequestContext {
  now: Date;
  /** Each person's side, resolved by the caller from their Slack team (see `requestedUserIds`). */
  sideOf: (userId: string) => Side;
}

const FIELD_BLOCKS: Record<RequestField, string> = {
  title: B.title,
  details: B.details,
  approvers: B.approvers,
  backups: B.backups[0],
  rule: B.atLeast,
  dueAt: B.dueDate,
};

/** The input block that shows a domain problem with one request field. */
export function blockForRequestField(field: RequestField): string {
  return FIELD_BLOCKS[field];
}

interface BackupPair {
  slot: number;
  approverId: string | null;
  backupId: string | null;
}

const readValues = (rawValues: unknown): ViewStateValues | null => {
  const values = viewStateValues.safeParse(rawValues);
  return values.success ? values.data : null;
};

/** Everyone named in the request form (approvers and backups), so the caller can look up their sides. */
export function requestedUserIds(rawValues: unknown): string[] {
  const v = readValues(rawValues);
  if (v === null) return [];
  const pairs = readBackupPairs(v).flatMap((p) => [p.approverId, p.backupId]);
  const ids = [...(element(v, B.approvers, INPUT).selected_users ?? []), ...pairs];
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

/** The request modal as a domain request, or inline errors keyed by block id. */
export function parseApprovalRequest(
  privateMetadata: string,
  rawValues: unknown,
  timeZone: string,
  ctx: RequestContext,
): ParsedApprovalRequest {
  const v = readValues(rawValues);
  const metadata = parseMetadata(privateMetadata, requestMetadata);
  if (v === null || metadata === null) return { ok: 'malformed' };
  const read = (blockId: string) => element(v, blockId, INPUT);
  const errors: BlockErrors = {};

  const approverIds = [...new Set(read(B.approvers).selected_users ?? [])];
  const rule = readRule(read(B.rule).selected_option?.value, read(B.atLeast).value, errors);
  const date = read(B.dueDate).selected_date ?? '';
  const time = read(B.dueTime).selected_time ?? '';
  if (!date) errors[B.dueDate] = 'Pick a due date.';
  if (!time) errors[B.dueTime] = 'Pick a due time.';
  const backups = readBackups(readBackupPairs(v), approverIds, errors);
  if (Object.keys(errors).length > 0 || rule === null) return { ok: false, errors };

  const dueAt = DateTime.fromISO(`${date}T${time}`, { zone: timeZone }).toJSDate();
  const approvers: Approver[] = approverIds.map((userId) => ({
    userId,
    side: ctx.sideOf(userId),
    backupId: backups.get(userId) ?? null,
  }));
  const request: ApprovalRequest = {
    title: (read(B.title).value ?? '').trim(),
    details: (read(B.details).value ?? '').trim(),
    approvers,
    rule,
    dueAt,
  };
  const problems = checkRequest(request, ctx.now);
  for (const [field, message] of Object.entries(problems) as [RequestField, string][]) {
    errors[blockForRequestField(field)] = message;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, channelId: metadata.channelId, request };
}

/** The rule chosen; N is checked against the approvers by the domain. */
function readRule(
  kind: string | undefined,
  n: string | null | undefined,
  errors: BlockErrors,
): ApprovalRule | null {
  if (kind === 'all' || kind === 'any') return { kind };
  if (kind !== 'at_least') {
    errors[B.rule] = 'Choose a rule.';
    return null;
  }
  const count = Number((n ?? '').trim());
  if (!n?.trim() || !Number.isInteger(count)) {
    errors[B.atLeast] = 'Say how many approvals are needed.';
    return null;
  }
  return { kind, n: count };
}

function readBackupPairs(v: ViewStateValues): BackupPair[] {
  return B.backupFor.map((forId, slot) => ({
    slot,
    approverId: element(v, forId, INPUT).selected_user ?? null,
    backupId: element(v, B.backups[slot] as string, INPUT).selected_user ?? null,
  }));
}

/** Approver id -> backup id; a half-filled pair, a stranger or a second backup is shown on its row. */
function readBackups(pairs: BackupPair[], approverIds: string[], errors: BlockErrors) {
  const backups = new Map<string, string>();
  for (const { slot, approverId, backupId } of pairs) {
    const forBlock = B.backupFor[slot] as string;
    const backupBlock = B.backups[slot] as string;
    if (approverId === null && backupId === null) continue;
    if (approverId === null) errors[forBlock] = 'Pick whose backup this is, or clear the backup.';
    else if (backupId === null) errors[backupBlock] = 'Pick the backup, or clear the approver.';
    else if (!approverIds.includes(approverId)) errors[forBlock] = 'Pick one of the approvers above.';
    else if (backups.has(approverId)) errors[forBlock] = 'This approver has a backup already.';
    else if (backupId === approverId) errors[backupBlock] = 'Someone else must be the backup.';
    else if (approverIds.includes(backupId)) {
      errors[backupBlock] = 'This person is an approver already, so cannot also be a backup.';
    } else backups.set(approverId, backupId);
  }
  return backups;
}

/** The channel a request form was opened in; null when the metadata is not ours. */
export function parseRequestChannel(privateMetadata: string): string | null {
  return parseMetadata(privateMetadata, requestMetadata)?.channelId ?? null;
}

/** The id of the approval a reject or approve modal is about; null when the metadata is not ours. */
export function parseDecisionMetadata(privateMetadata: string): string | null {
  return parseMetadata(privateMetadata, decisionMetadata)?.approvalId ?? null;
}

/** The reason or comment typed in a decision modal, trimmed; null when empty or malformed. */
export function parseDecisionComment(rawValues: unknown, blockId: string): string | null {
  const v = readValues(rawValues);
  if (v === null) return null;
  return element(v, blockId, INPUT).value?.trim() || null;
}

import type { KnownBlock, View } from '@slack/types';
import { DateTime } from 'luxon';
import type { ApprovalRule } from '../../domain/approvals/approval.js';
import { MAX_APPROVERS, MAX_COMMENT, MAX_DETAILS, MAX_TITLE } from '../../domain/approvals/rules.js';
import { context, plain } from '../shared/blocks.js';
import { input, textInput, withInitial } from '../shared/inputs.js';
import { APPROVAL_BLOCKS, APPROVAL_VIEWS } from './ids.js';

export const DEFAULT_DUE_DAYS = 3;
export const DEFAULT_DUE_TIME = '17:00';

export interface ApprovalRequestMetadata {
  channelId: string;
}
/** What the reject and approve modals carry: the approval being decided. */
export interface DecisionMetadata {
  approvalId: string;
}

export interface ApprovalModalInput {
  channelId: string;
  /** Text typed after `/rapport approval`, if any. */
  title?: string;
  now: Date;
  /** The partnership's zone: the due date and time are read in it. */
  timeZone: string;
}

const RULE_LABELS: Record<ApprovalRule['kind'], string> = {
  all: 'Everyone must approve',
  any: 'Any one approval is enough',
  at_least: 'At least N of them must approve',
};
const ruleOption = (kind: ApprovalRule['kind']) => ({ text: plain(RULE_LABELS[kind]), value: kind });
export const RULE_KINDS: ApprovalRule['kind'][] = ['all', 'any', 'at_least'];

const optionalUser = (blockId: string, label: string) =>
  input(blockId, label, { type: 'users_select' }, { optional: true });

/** The request form: what is decided, by whom, under which rule, by when, and who stands in. */
export function buildApprovalRequestModal(modal: ApprovalModalInput): View {
  const due = DateTime.fromJSDate(modal.now).setZone(modal.timeZone).plus({ days: DEFAULT_DUE_DAYS });
  const B = APPROVAL_BLOCKS;
  const blocks: KnownBlock[] = [
    textInput(B.title, 'What needs approval?', {
      initial: (modal.title ?? '').trim().slice(0, MAX_TITLE),
      max: MAX_TITLE,
    }),
    textInput(B.details, 'What is being decided', {
      multiline: true,
      optional: true,
      max: MAX_DETAILS,
      hint: 'The decision, its options and links to what approvers should read.',
    }),
    input(
      B.approvers,
      'Approvers',
      { type: 'multi_users_select', max_selected_items: MAX_APPROVERS },
      { hint: plain('People from either side; you may be one of them.') },
    ),
    input(B.rule, 'Rule', {
      type: 'static_select',
      options: RULE_KINDS.map(ruleOption),
      initial_option: ruleOption('all'),
    }),
    input(
      B.atLeast,
      'N, for "at least N"',
      { type: 'number_input', is_decimal_allowed: false, min_value: '1', max_value: String(MAX_APPROVERS) },
      { optional: true, hint: plain('Only used with the "at least N" rule.') },
    ),
    input(B.dueDate, 'Due date', { type: 'datepicker', ...withInitial('initial_date', due.toISODate()) }),
    input(
      B.dueTime,
      'Due time',
      { type: 'timepicker', initial_time: DEFAULT_DUE_TIME },
      { hint: plain(`In ${modal.timeZone}.`) },
    ),
    context(
      '*Backups (optional).* If an approver has not decided near the due time, their backup is asked instead. Pick the approver, then their backup.',
    ),
    ...B.backupFor.flatMap((forId, i) => [
      optionalUser(forId, `Approver ${i + 1} who gets a backup`),
      optionalUser(B.backups[i] as string, `Backup for that approver`),
    ]),
  ];
  return {
    type: 'modal',
    callback_id: APPROVAL_VIEWS.request,
    private_metadata: JSON.stringify({ channelId: modal.channelId } satisfies ApprovalRequestMetadata),
    title: plain('Ask for approval'),
    submit: plain('Send'),
    close: plain('Cancel'),
    blocks,
  };
}

const decisionModal = (
  callbackId: string,
  approvalId: string,
  title: string,
  submit: string,
  block: KnownBlock,
): View => ({
  type: 'modal',
  callback_id: callbackId,
  private_metadata: JSON.stringify({ approvalId } satisfies DecisionMetadata),
  title: plain(title),
  submit: plain(submit),
  close: plain('Cancel'),
  blocks: [block],
});

/** Rejecting needs a reason: everyone on the card reads it. */
export function buildRejectModal(approvalId: string): View {
  return decisionModal(
    APPROVAL_VIEWS.reject,
    approvalId,
    'Reject',
    'Reject',
    textInput(APPROVAL_BLOCKS.reason, 'Why do you reject it?', { multiline: true, max: MAX_COMMENT }),
  );
}

/** Approving takes an optional comment. */
export function buildApproveModal(approvalId: string): View {
  return decisionModal(
    APPROVAL_VIEWS.approve,
    approvalId,
    'Approve',
    'Approve',
    textInput(APPROVAL_BLOCKS.comment, 'Comment', { multiline: true, optional: true, max: MAX_COMMENT }),
  );
}

import type { KnownBlock } from '@slack/types';
import type { Approval, ApprovalState, Approver, Decision } from '../../domain/approvals/approval.js';
import { needed } from '../../domain/approvals/rules.js';
import { context, type MessageContent, mrkdwn, plain } from '../shared/blocks.js';
import { describeDue, slackDate } from '../shared/describe-due.js';
import { safeText, truncate } from '../shared/escape.js';
import { APPROVAL_ACTIONS } from './ids.js';

/** Room for a 1000-character comment in full, and for its escaped form once bounded. */
const COMMENT_MAX = 1200;
const DETAILS_MAX = 2900;

export const STATE_LABELS: Record<ApprovalState, string> = {
  pending: 'Waiting for decisions',
  approved: 'Approved',
  rejected: 'Rejected',
  expired: 'Expired: no outcome by the due time',
  withdrawn: 'Withdrawn by the requester',
};

/** "2 of 3 approvals needed: 1 so far, 1 reject". */
export function describeProgress(approval: Approval): string {
  const seats = approval.approvers.length;
  const current = approval.decisions.filter((d) => approval.approvers.some((a) => a.userId === d.approverId));
  const yes = current.filter((d) => d.verdict === 'approved').length;
  const no = current.length - yes;
  const rule = approval.rule;
  const need =
    rule.kind === 'all'
      ? `All ${seats} must approve`
      : rule.kind === 'any'
        ? `Any one of ${seats} must approve`
        : `${needed(rule, seats)} of ${seats} approvals needed`;
  return `${need}: ${yes} so far${no > 0 ? `, ${no} reject${no > 1 ? 's' : ''}` : ''}`;
}

/** The one card of an approval in the shared channel, with buttons while it is pending. */
export function buildApprovalCard(
  approval: Approval,
  now: Date,
  /** The customer's account name, shown beside their approvers. */
  accountName: string | null = null,
): MessageContent {
  const pending = approval.state === 'pending';
  const title = approval.title.trim() || 'Approval';
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(truncate(title, 150)) }];
  if (approval.details.trim()) {
    blocks.push({ type: 'section', text: mrkdwn(safeText(approval.details.trim(), DETAILS_MAX)) });
  }
  blocks.push({
    type: 'section',
    fields: [
      `*State*\n${stateLine(approval)}`,
      `*Rule*\n${describeProgress(approval)}`,
      `*Due*\n${pending ? describeDue(approval.dueAt, now) : slackDate(approval.dueAt)}`,
      `*Asked by*\n<@${approval.requester.userId}>`,
    ].map(mrkdwn),
  });
  for (const approver of approval.approvers) {
    const decision = approval.decisions.find((d) => d.approverId === approver.userId);
    blocks.push({ type: 'section', text: mrkdwn(approverLine(approval, approver, decision, accountName)) });
  }
  if (pending) blocks.push(buttons(approval.id));
  else blocks.push(context(`${STATE_LABELS[approval.state]}. Decisions can no longer be changed.`));
  return {
    text: `Approval: ${safeText(title, 200)} (${STATE_LABELS[approval.state]})`,
    blocks,
  };
}

function stateLine(approval: Approval): string {
  const label = STATE_LABELS[approval.state];
  if (approval.state === 'pending' || approval.settledAt === null) return label;
  return `*${label}* ${slackDate(approval.settledAt)}`;
}

const sideLabel = (approver: Approver, accountName: string | null) =>
  approver.side === 'vendor' ? 'vendor' : accountName ? safeText(accountName, 80) : 'customer';

function approverLine(
  approval: Approval,
  approver: Approver,
  decision: Decision | undefined,
  accountName: string | null,
): string {
  const who = `<@${approver.userId}> (${sideLabel(approver, accountName)})`;
  const lines = [who];
  if (decision) {
    const mark = decision.verdict === 'approved' ? ':white_check_mark: Approved' : ':x: Rejected';
    const by = decision.by.userId !== approver.userId ? ` by backup <@${decision.by.userId}>` : '';
    lines.push(`${mark}${by} ${slackDate(decision.at)}`);
    if (decision.comment) lines.push(`“${safeText(decision.comment, COMMENT_MAX)}”`);
  } else {
    lines.push(approval.state === 'pending' ? ':hourglass_flowing_sand: Not decided yet' : 'Did not decide');
  }
  if (!decision && approval.escalated.includes(approver.userId) && approver.backupId) {
    lines.push(`Backup <@${approver.backupId}> asked instead`);
  }
  return lines.join('\n');
}

function buttons(approvalId: string): KnownBlock {
  return {
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: APPROVAL_ACTIONS.approve,
        text: plain('Approve'),
        style: 'primary',
        value: approvalId,
      },
      {
        type: 'button',
        action_id: APPROVAL_ACTIONS.reject,
        text: plain('Reject'),
        style: 'danger',
        value: approvalId,
      },
      {
        type: 'button',
        action_id: APPROVAL_ACTIONS.withdraw,
        text: plain('Withdraw'),
        value: approvalId,
        confirm: {
          title: plain('Withdraw this request?'),
          text: plain('Decisions so far are kept on the record, and no one can decide any more.'),
          confirm: plain('Withdraw'),
          deny: plain('Keep it'),
        },
      },
    ],
  };
}

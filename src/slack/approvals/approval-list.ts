import type { KnownBlock } from '@slack/types';
import type { Approval, ApprovalState } from '../../domain/approvals/approval.js';
import { pendingApprovers } from '../../domain/approvals/rules.js';
import { context, type MessageContent, section } from '../shared/blocks.js';
import { describeDue, slackDate } from '../shared/describe-due.js';
import { safeText } from '../shared/escape.js';
import { describeProgress, STATE_LABELS } from './approval-card.js';

/** One section per approval keeps every text short and the list far inside 50 blocks. */
export const APPROVAL_LIST_LIMIT = 10;

const STATE_ICONS: Record<ApprovalState, string> = {
  pending: ':hourglass_flowing_sand:',
  approved: ':white_check_mark:',
  rejected: ':x:',
  expired: ':alarm_clock:',
  withdrawn: ':leftwards_arrow_with_hook:',
};

export interface ListedApproval {
  approval: Approval;
  /** A link to the card, when Slack gave one. */
  permalink: string | null;
}

/** `/rapport approvals`: the channel's approvals, pending first, each with its state and who it waits on. */
export function buildApprovalList(listed: ListedApproval[], more: boolean, now: Date): MessageContent {
  if (listed.length === 0) {
    const text = 'No approvals have been asked for in this channel yet.';
    return { text, blocks: [section(text)] };
  }
  const blocks: KnownBlock[] = [section('*Approvals in this channel*, waiting ones first:')];
  for (const { approval, permalink } of listed.slice(0, APPROVAL_LIST_LIMIT)) {
    blocks.push(section(line(approval, permalink, now)));
  }
  if (more) blocks.push(context(`Only the latest ${APPROVAL_LIST_LIMIT} are shown.`));
  return { text: `Approvals in this channel: ${listed.length}${more ? '+' : ''}`, blocks };
}

function line(approval: Approval, permalink: string | null, now: Date): string {
  const title = safeText(approval.title, 150);
  const name = permalink ? `<${permalink}|${title}>` : title;
  const head = `${STATE_ICONS[approval.state]} *${name}*: ${STATE_LABELS[approval.state]}`;
  if (approval.state !== 'pending') {
    return `${head} ${approval.settledAt ? slackDate(approval.settledAt) : ''}\n${describeProgress(approval)}`;
  }
  const waiting = pendingApprovers(approval).map((a) =>
    approval.escalated.includes(a.userId) && a.backupId
      ? `<@${a.backupId}> (for <@${a.userId}>)`
      : `<@${a.userId}>`,
  );
  return `${head}\n${describeProgress(approval)} · ${describeDue(approval.dueAt, now)} · waiting on ${waiting.join(', ')}`;
}

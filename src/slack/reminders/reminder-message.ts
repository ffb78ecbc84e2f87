import type { KnownBlock } from '@slack/types';
import type { Approval } from '../../domain/approvals/approval.js';
import { KIND_LABELS } from '../../domain/asks/ask.js';
import type { Target } from '../../domain/follow-ups/follow-up.js';
import type { ReminderItem } from '../../domain/follow-ups/sweep.js';
import { APPROVAL_ACTIONS } from '../approvals/ids.js';
import { context, type MessageContent, plain, section } from '../shared/blocks.js';
import { describeDue } from '../shared/describe-due.js';
import { safeText } from '../shared/escape.js';
import { REMINDER_ACTIONS } from './ids.js';

/** Two blocks per item and a few around them keeps a reminder far inside the 50-block limit. */
export const MAX_ITEMS_SHOWN = 20;

const TARGET_LABELS: Record<Target, string> = {
  first_response: 'first response',
  update: 'next update',
  resolution: 'resolution',
  due_date: 'due date',
  reply: 'reply',
  sign_off: 'approval',
};

/** An item as the message shows it: the sweep's bookkeeping (maybeSent) plays no part. */
export interface ShownItem extends Omit<ReminderItem, 'maybeSent'> {
  /** A link to the card or message, when Slack gave one. */
  permalink: string | null;
}

const button = (actionId: string, text: string, value: string) => ({
  type: 'button' as const,
  action_id: actionId,
  text: plain(text),
  value,
});

/** One private reminder listing everything the reader owes now, overdue first. */
export function buildReminderMessage(items: ShownItem[], now: Date): MessageContent {
  const sorted = [...items].sort(
    (a, b) => (a.followUp.dueAt?.getTime() ?? 0) - (b.followUp.dueAt?.getTime() ?? 0),
  );
  const overdue = sorted.filter((i) => i.kind === 'overdue').length;
  const text =
    overdue > 0
      ? `${overdue} of ${items.length} things waiting on you ${overdue === 1 ? 'is' : 'are'} overdue`
      : `${items.length} ${items.length === 1 ? 'thing is' : 'things are'} due soon`;
  const shown = sorted.slice(0, MAX_ITEMS_SHOWN);
  const blocks: KnownBlock[] = [
    section(`:alarm_clock: *${text}.*`),
    ...shown.flatMap((i) => itemBlocks(i, now)),
  ];
  if (sorted.length > shown.length) {
    blocks.push(context(`…and ${sorted.length - shown.length} more. Your Home tab lists everything.`));
  }
  return { text, blocks };
}

function itemBlocks(item: ShownItem, now: Date): KnownBlock[] {
  const f = item.followUp;
  const due = `${TARGET_LABELS[f.target ?? 'reply']} ${describeDue(f.dueAt, now)}`;
  const account = safeText(item.partnership.accountName, 80);
  if (item.subject.type === 'approval') return approvalBlocks(item, item.subject, `${account} · ${due}`);
  let line: string;
  if (item.subject.type === 'ask') {
    const ask = item.subject.ask;
    const ref = item.permalink ? `<${item.permalink}|${ask.ref}>` : ask.ref;
    const urgency = ask.content.urgency ? ` · ${ask.content.urgency}` : '';
    line = `*${ref}* ${safeText(ask.content.title, 150)}\n${account} · ${KIND_LABELS[ask.kind]}${urgency} · ${due}`;
  } else {
    const m = item.subject.message;
    const label = item.permalink ? `<${item.permalink}|Unanswered message>` : 'Unanswered message';
    line = `*${label}* from <@${m.author.userId}> in <#${m.channelId}>: “${safeText(m.preview, 150)}”\n${account} · ${due}`;
  }
  if (item.rung !== 'owner') {
    line += `\n_Escalated: <@${f.ownerId}> has had ${f.round.overdueNags} reminder${f.round.overdueNags === 1 ? '' : 's'} about this._`;
  }
  const elements = [
    ...(item.permalink ? [{ ...button(REMINDER_ACTIONS.open, 'Open', f.id), url: item.permalink }] : []),
    button(REMINDER_ACTIONS.snooze, 'Snooze', f.id),
    button(REMINDER_ACTIONS.reassign, 'Reassign', f.id),
    ...(item.subject.type === 'message' ? [button(REMINDER_ACTIONS.dismiss, 'No reply needed', f.id)] : []),
  ];
  return [section(line), { type: 'actions', block_id: `nag:${f.id}`, elements }];
}

/**
 * A sign-off reminder may reach someone at the customer: it names nobody's reminders, and offers the
 * card's own Approve and Reject rather than Snooze or Reassign (a seat belongs to its approver).
 */
function approvalBlocks(
  item: ShownItem,
  { approval, approverId }: { approval: Approval; approverId: string },
  dueLine: string,
): KnownBlock[] {
  const title = safeText(approval.title, 150);
  const label = item.permalink ? `<${item.permalink}|Approval>` : 'Approval';
  const standIn =
    item.followUp.ownerId !== approverId ? `\n_You are asked in place of <@${approverId}>._` : '';
  const elements = [
    ...(item.permalink
      ? [{ ...button(REMINDER_ACTIONS.open, 'Open', item.followUp.id), url: item.permalink }]
      : []),
    { ...button(APPROVAL_ACTIONS.approve, 'Approve', approval.id), style: 'primary' as const },
    { ...button(APPROVAL_ACTIONS.reject, 'Reject', approval.id), style: 'danger' as const },
  ];
  return [
    section(`*${label}*: ${title}\n${dueLine}${standIn}`),
    { type: 'actions', block_id: `nag:${item.followUp.id}`, elements },
  ];
}

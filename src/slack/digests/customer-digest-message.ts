import type { KnownBlock } from '@slack/types';
import type { AskStatus } from '../../domain/asks/ask.js';
import { STATUS_LABELS } from '../../domain/asks/lifecycle.js';
import type {
  AwaitedSeat,
  CustomerDigest,
  DigestAsk,
  DigestSignOff,
} from '../../domain/digests/digest-content.js';
import { describeProgress } from '../approvals/approval-card.js';
import { WELCOME_ACTIONS } from '../setup/ids.js';
import { context, divider, type MessageContent, section } from '../shared/blocks.js';
import { describeDue, describeSpan } from '../shared/describe-due.js';
import { describeDuration } from '../shared/describe-duration.js';
import { safeText } from '../shared/escape.js';
import {
  announcementLine,
  button,
  count,
  digestText,
  digestTop,
  incidentLine,
  lineText,
  listSection,
  namedList,
  optionalList,
  refTitle,
} from './digest-lines.js';
import { DIGEST_ACTIONS } from './ids.js';

/** People named on a sign-off line; the rest are counted, so ten lines fit in one section. */
const WAITING_NAMED = 5;

export interface DigestPreview {
  note: string;
  partnershipId: string;
}

/**
 * The status digest both organisations read in the shared channel. One list per open status (eight)
 * and at most 20 other blocks: under 30 blocks however much there is. Overdue asks come first in their
 * list and are counted in the period line and in any '…and N more', so a cap never hides them.
 */
export function buildCustomerDigestMessage(
  d: CustomerDigest,
  now: Date,
  preview?: DigestPreview,
): MessageContent {
  const open = d.open.flatMap((g) => g.asks);
  const overdue = open.filter(isOverdue).length;
  const late = overdue > 0 ? ` · *${overdue} overdue*` : '';
  const blocks: KnownBlock[] = [
    ...digestTop('Status digest', d.accountName, d.period.start, `${count(open.length, 'open ask')}${late}`),
    ...periodBlocks(d),
    divider(),
    ...nowBlocks(d, now),
    ...approvalBlocks(d, now),
    ...promiseBlocks(d),
    section(firstResponseLine(d.firstResponse)),
    ...(preview ? previewBlocks(preview) : [askButtons()]),
  ];
  const shipped = d.shipped.length > 0 ? `, ${d.shipped.length} shipped` : '';
  const approvals = d.signOffs.waiting.length > 0 ? `, ${approvalCount(d)} waiting` : '';
  const summary =
    `${d.newAsks.length} new, ${d.resolved.length} resolved${shipped}, ` +
    `${open.length} open (${overdue} overdue)${approvals}`;
  return { text: digestText('Status digest', d.accountName, summary), blocks };
}

function periodBlocks(d: CustomerDigest): KnownBlock[] {
  const title = section(d.period.first ? '*Since Rapport started here*' : '*Since the last digest*');
  const lists = [
    ...optionalList('New asks', d.newAsks, askLine),
    ...optionalList('Resolved', d.resolved, askLine),
    ...optionalList('You asked, we shipped', d.shipped, askLine),
    ...optionalList('Incidents', d.incidents, incidentLine),
    ...optionalList('Announcements', d.announcements, announcementLine),
    ...optionalList(
      'Status changes',
      d.statusChanges,
      (c) => `${askLine(c.ask)}: ${STATUS_LABELS[c.from]} → ${STATUS_LABELS[c.to]}`,
    ),
  ];
  return lists.length > 0
    ? [title, ...lists]
    : [title, context('No activity: no new asks, nothing resolved or shipped, and no status changes.')];
}

function nowBlocks(d: CustomerDigest, now: Date): KnownBlock[] {
  const groups = [...groupByStatus(d.open)];
  if (groups.length === 0) return [section('*Now*\nNo open asks.')];
  return [section('*Now*'), ...groups.map(([status, asks]) => statusList(status, asks, now))];
}

/** One list per status even if the same status came in twice, so the block count stays bounded. */
function groupByStatus(open: CustomerDigest['open']): Map<AskStatus, DigestAsk[]> {
  const groups = new Map<AskStatus, DigestAsk[]>();
  for (const { status, asks } of open) {
    if (asks.length > 0) groups.set(status, [...(groups.get(status) ?? []), ...asks]);
  }
  return groups;
}

function statusList(status: AskStatus, asks: DigestAsk[], now: Date): KnownBlock {
  const overdue = asks.filter(isOverdue);
  const ordered = [...overdue, ...asks.filter((a) => !isOverdue(a))];
  return listSection(
    `*${STATUS_LABELS[status]} (${asks.length})*`,
    ordered,
    (a) => openLine(a, now),
    (shown) => {
      const hiddenOverdue = Math.max(0, overdue.length - shown);
      const late = hiddenOverdue > 0 ? ` (${hiddenOverdue} overdue)` : '';
      return `…and ${asks.length - shown} more${late}: press See open asks`;
    },
  );
}

/** Left out when nothing waits; otherwise one list, after what is open. */
function approvalBlocks(d: CustomerDigest, now: Date): KnownBlock[] {
  const { waiting, atLeast } = d.signOffs;
  if (waiting.length === 0) return [];
  const plus = atLeast ? '+' : '';
  return [
    divider(),
    listSection(
      `*Approvals waiting (${waiting.length}${plus})*`,
      waiting,
      (s) => approvalLine(s, now),
      (shown) => `…and ${waiting.length - shown}${plus} more`,
    ),
  ];
}

const approvalCount = ({ signOffs: { waiting, atLeast } }: CustomerDigest) =>
  `${count(waiting.length, 'approval')}${atLeast ? '+' : ''}`;

/** Its title, where its card is, when it is due, how far along it is, and whose decision it waits on. */
function approvalLine({ approval, waitingOn }: DigestSignOff, now: Date): string {
  const title = lineText(approval.title.trim() || 'Approval');
  const card = approval.card ? ` · card in <#${approval.card.channelId}>` : '';
  const who = namedList(waitingOn.map(seatMention), WAITING_NAMED);
  return `• ${title}${card} · ${describeDue(approval.dueAt, now)} · ${describeProgress(approval)} · waiting on ${who}`;
}

/** A seat passed on to a backup is theirs to decide: they are named, for the approver. */
const seatMention = ({ approverId, backupId }: AwaitedSeat) =>
  backupId ? `<@${backupId}> (for <@${approverId}>)` : `<@${approverId}>`;

function promiseBlocks({ promises: p }: CustomerDigest): KnownBlock[] {
  const lists = [
    ...optionalList('Promised dates ahead', p.upcoming, promiseLine),
    ...optionalList('Promises kept', p.kept, promiseLine),
    ...optionalList('Promises missed', p.missed, (a) => `${promiseLine(a)} · *missed*`),
  ];
  return lists.length > 0 ? [divider(), section('*Promises*'), ...lists] : [];
}

function firstResponseLine({ medianMinutes, count: answered }: CustomerDigest['firstResponse']): string {
  if (medianMinutes === null || answered === 0) return '*First response:* no first responses in this period.';
  const median = describeDuration(Math.round(medianMinutes));
  const over = `over ${count(answered, 'ask')} answered in this period`;
  return `*Median first response:* ${median} (business hours), ${over}.`;
}

const isOverdue = (a: DigestAsk) => a.overdueSince !== null;

const askLine = (a: DigestAsk) => `• ${refTitle(a.ref, a.title)}`;

/** Promised dates are calendar days ('YYYY-MM-DD'), so they show as written, not as a moment. */
const promiseLine = (a: DigestAsk) =>
  `${askLine(a)}${a.promisedDate ? ` · promised for ${lineText(a.promisedDate, 20)}` : ''}`;

function openLine(a: DigestAsk, now: Date): string {
  const age = `open ${describeSpan(now.getTime() - a.createdAt.getTime())}`;
  const late = a.overdueSince
    ? ` · *overdue by ${describeSpan(now.getTime() - a.overdueSince.getTime())}*`
    : '';
  return `${askLine(a)} · <@${a.ownerId}> · ${age}${late}`;
}

const askButtons = (): KnownBlock => ({
  type: 'actions',
  elements: [
    button(WELCOME_ACTIONS.askForHelp, 'Ask for help', { primary: true }),
    button(WELCOME_ACTIONS.suggestImprovement, 'Suggest an improvement'),
    button(WELCOME_ACTIONS.seeOpenAsks, 'See open asks'),
  ],
});

/** What only the vendor user who ran `/rapport digest` sees, in place of the buttons everyone gets. */
const previewBlocks = ({ note, partnershipId }: DigestPreview): KnownBlock[] => [
  ...(note.trim() === '' ? [] : [context(safeText(note, 2900))]),
  {
    type: 'actions',
    elements: [
      button(DIGEST_ACTIONS.postNow, 'Post now', { value: partnershipId, primary: true }),
      button(DIGEST_ACTIONS.editSchedule, 'Edit schedule', { value: partnershipId }),
    ],
  },
];

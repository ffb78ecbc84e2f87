import type { KnownBlock } from '@slack/types';
import type {
  InternalDigest,
  OverdueItem,
  RatingTally,
  RiskFlag,
  SnoozeLine,
  UnansweredMessage,
} from '../../domain/digests/digest-content.js';
import { describeDeparture } from '../people/departure-alert.js';
import { type MessageContent, section } from '../shared/blocks.js';
import { describeDue, describeSpan, slackDate } from '../shared/describe-due.js';
import {
  announcementLine,
  count,
  digestText,
  digestTop,
  incidentLine,
  lineText,
  listSection,
  optionalList,
} from './digest-lines.js';

const ALL_CLEAR =
  ':white_check_mark: All is on track: nothing overdue or unanswered, no risks, no reminders, ' +
  'and every digest was posted.';

/**
 * What needs the vendor's attention on one account, for the triage channel or the owner's DM only:
 * it names risks and reminders, which the customer must never see. Nine blocks at the most.
 */
export function buildInternalDigestMessage(d: InternalDigest, now: Date): MessageContent {
  const sections = [
    ...optionalList('Overdue', d.overdue, (o) => overdueLine(o, now)),
    ...optionalList('Unanswered customer messages', d.unanswered, (m) => unansweredLine(m, now)),
    ...optionalList('At risk', d.risks, riskLine),
    ...reminderBlocks(d.nags),
    ...optionalList(
      'Incidents',
      d.incidents,
      (i) => `${incidentLine(i)} · sent to ${count(i.partnerships, 'partnership')}`,
    ),
    ...optionalList(
      'Announcements',
      d.announcements,
      (a) => `${announcementLine(a)} · reached ${count(a.reached, 'partnership')}, ${a.failed} failed`,
    ),
    ...optionalList('Digests not posted', notPosted(d), notPostedLine),
  ];
  const blocks: KnownBlock[] = [
    ...digestTop(
      'Internal digest',
      d.accountName,
      d.period.start,
      `for <#${d.channelId}> · owner <@${d.ownerId}>`,
    ),
    ...(sections.length > 0 ? sections : [section(ALL_CLEAR)]),
  ];
  return { text: fallback(d), blocks };
}

function fallback(d: InternalDigest): string {
  const notPosted = d.failedDigests.length + d.skippedSlots.length;
  const parts = [
    d.overdue.length > 0 ? `${d.overdue.length} overdue` : '',
    d.unanswered.length > 0 ? count(d.unanswered.length, 'unanswered message') : '',
    d.risks.length > 0 ? count(d.risks.length, 'risk') : '',
    notPosted > 0 ? `${count(notPosted, 'digest')} not posted` : '',
  ].filter(Boolean);
  const summary = parts.length > 0 ? parts.join(', ') : 'nothing overdue or at risk';
  return digestText('Internal digest', d.accountName, summary);
}

function overdueLine(o: OverdueItem, now: Date): string {
  const what = o.ref ? `*${lineText(o.ref, 40)}* ` : 'Message: ';
  const where = o.link ? ` in <#${o.link.channelId}>` : '';
  return `• ${what}${lineText(o.label)}${where} · <@${o.ownerId}> · ${describeDue(o.dueAt, now)}`;
}

function unansweredLine(m: UnansweredMessage, now: Date): string {
  const age = describeSpan(now.getTime() - m.postedAt.getTime());
  return (
    `• <@${m.authorId}> in <#${m.link.channelId}>, ${slackDate(m.postedAt)} (${age} ago): ` +
    `“${lineText(m.preview)}” · <@${m.ownerId}> to answer`
  );
}

function riskLine(r: RiskFlag): string {
  switch (r.kind) {
    case 'sla_breaches':
      return `• ${count(r.count, 'response target')} missed this period`;
    case 'ratings_dropping':
      return `• Good ratings fell from ${rating(r.previous)} to ${rating(r.current)}`;
    case 'single_threaded':
      return `• Single-threaded: only <@${r.userId}> at the customer has been active in the last 30 days`;
    case 'contact_left':
      return `• ${describeDeparture(r.departure, 'left the channel')}`;
    case 'quiet_customer':
      return r.lastMessageAt
        ? `• No message from the customer for ${count(r.days, 'day')} (last ${slackDate(r.lastMessageAt)})`
        : '• The customer has never written here';
  }
}

/** '80% (8 of 10)'. */
const rating = ({ good, total }: RatingTally) =>
  total === 0 ? 'no ratings' : `${Math.round((good / total) * 100)}% (${good} of ${total})`;

function reminderBlocks({ reminded, escalated, snoozes }: InternalDigest['nags']): KnownBlock[] {
  if (reminded === 0 && escalated === 0 && snoozes.length === 0) return [];
  const heading = `*Reminders*\n${count(reminded, 'reminder')} and ${count(escalated, 'escalation')} sent`;
  return [
    listSection(heading, snoozes, snoozeLine, (shown) => `…and ${snoozes.length - shown} more snoozes`),
  ];
}

const snoozeLine = (s: SnoozeLine) =>
  `• ${lineText(s.label)} snoozed by <@${s.by}> until ${slackDate(s.until)}: ${lineText(s.reason)}`;

interface NotPosted {
  slot: Date;
  /** Slack's error, or null when the slot was skipped. */
  error: string | null;
}

/** Refused and skipped slots together, oldest first. */
const notPosted = (d: InternalDigest): NotPosted[] =>
  [...d.failedDigests, ...d.skippedSlots.map((slot) => ({ slot, error: null }))].sort(
    (a, b) => a.slot.getTime() - b.slot.getTime(),
  );

/** A Slack error shows as code; backticks in it become quotes so they cannot end the code span early. */
const notPostedLine = ({ slot, error }: NotPosted) =>
  error === null
    ? `• ${slackDate(slot)} skipped: Rapport was down at the time`
    : `• ${slackDate(slot)}: Slack refused it with \`${lineText(error.replace(/`/g, "'"), 200)}\``;

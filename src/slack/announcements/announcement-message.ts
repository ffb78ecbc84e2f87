import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import type { Announcement } from '../../domain/announcements/announcement.js';
import { type AnnouncementSettings, needsHold } from '../../domain/announcements/announcement-settings.js';
import type { Partnership } from '../../domain/partnerships/partnership.js';
import { buildIncidentMessage } from '../incidents/incident-message.js';
import { context, header, type MessageContent, section } from '../shared/blocks.js';
import { escapeText, safeText } from '../shared/escape.js';
import { mention } from '../shared/mention.js';
import { splitSections } from '../shared/split-sections.js';
import { ANNOUNCE_ACTIONS } from './ids.js';

/**
 * What every customer sees: the title and the sender's text, escaped, and nothing else (no audience,
 * no tags, no other customer). Escaping can take the text past a section's limit: it then runs on in
 * further sections, never cut.
 */
export function buildAnnouncementMessage(
  a: Pick<Announcement, 'title' | 'body' | 'notifyChannel'>,
): MessageContent {
  const text = safeText(`${a.title}: ${a.body}`, 3000);
  const blocks = [header(a.title), ...splitSections(escapeText(a.body))];
  // The only unescaped mention an announcement carries, and only when its sender chose it.
  if (!a.notifyChannel) return { text, blocks };
  return { text: `<!channel> ${text}`, blocks: [section('<!channel>'), ...blocks] };
}

/** What customers see of `a`: its message, or its incident's top message when it is one. */
export const buildCustomerMessage = (a: Announcement): MessageContent =>
  a.incident ? buildIncidentMessage(a, a.incident) : buildAnnouncementMessage(a);

/** Enough names to check the audience by eye, few enough to fit one section (3,000 characters). */
const MAX_LISTED = 25;

/** Where it goes and when, as the sender and whoever signs it off see it. */
function reach(a: Announcement, targets: Partnership[]): { count: string; text: string } {
  const listed = targets
    .slice(0, MAX_LISTED)
    .map((p) => `<#${p.channelId}> (${safeText(p.accountName, 60)})`)
    .join(', ');
  const more = targets.length > MAX_LISTED ? ` and ${targets.length - MAX_LISTED} more` : '';
  const count = `${targets.length} channel${targets.length === 1 ? '' : 's'}`;
  const start = a.sendAt ? `on ${describeLocalTime(a.sendAt, a.timeZone)}` : 'as soon as it is confirmed';
  const when = a.inWorkingHours ? `${start}, each in its next working hours` : start;
  return { count, text: `*It will reach ${count}*, ${when}: ${listed}${more}` };
}

/** What a large audience goes through before it is sent, told before anyone confirms. */
function safeguards(a: Announcement, targets: Partnership[], settings: AnnouncementSettings): string[] {
  const notes: string[] = [];
  if (a.notifyChannel) notes.push('It notifies everyone in each channel (@channel).');
  if (a.signOff) notes.push(`${mention(a.signOff.approverId)} must sign it off before it goes.`);
  if (needsHold(targets.length, settings)) {
    const hours = Math.round((settings.holdMs / 3_600_000) * 10) / 10;
    notes.push(
      `Over ${settings.holdThreshold} partnerships: once it is confirmed, their owners are told and have ${hours} hour${hours === 1 ? '' : 's'} to leave their customer out. It is not sent before.`,
    );
  }
  return notes;
}

/** The sender's private preview: the message as customers will see it, where it goes, when, and the buttons. */
export function buildAnnouncementPreview(
  a: Announcement,
  targets: Partnership[],
  settings: AnnouncementSettings,
): MessageContent {
  const { count, text } = reach(a, targets);
  const notes = safeguards(a, targets, settings);
  return {
    text: `Preview of your announcement: it will reach ${count}.`,
    blocks: [
      context('*Preview* — only you can see this. Customers will see:'),
      ...buildCustomerMessage(a).blocks,
      section(text),
      ...(notes.length > 0 ? [context(notes.join(' '))] : []),
      {
        type: 'actions',
        elements: [
          button(a.id, a.sendAt ? 'Schedule' : 'Send', ANNOUNCE_ACTIONS.send, 'primary'),
          button(a.id, 'Send me a test', ANNOUNCE_ACTIONS.testSend),
          button(a.id, 'Edit', ANNOUNCE_ACTIONS.edit),
          button(a.id, 'Cancel', ANNOUNCE_ACTIONS.cancel, 'danger'),
        ],
      },
    ],
  };
}

/** The colleague's DM: the same preview, with Approve and Decline. */
export function buildSignOffRequest(a: Announcement, targets: Partnership[]): MessageContent {
  const { count, text } = reach(a, targets);
  return {
    text: `${mention(a.createdBy)} asks you to sign off an announcement to ${count}.`,
    blocks: [
      context(`${mention(a.createdBy)} asks you to sign off this announcement. Customers will see:`),
      ...buildAnnouncementMessage(a).blocks,
      section(text),
      {
        type: 'actions',
        elements: [
          button(a.id, 'Approve', ANNOUNCE_ACTIONS.approve, 'primary'),
          button(a.id, 'Decline', ANNOUNCE_ACTIONS.decline, 'danger'),
        ],
      },
    ],
  };
}

const button = (id: string, text: string, actionId: string, style?: 'primary' | 'danger') => ({
  type: 'button' as const,
  text: { type: 'plain_text' as const, text },
  action_id: actionId,
  value: id,
  ...(style ? { style } : {}),
});

/** Under a scheduled announcement's confirmation: it can be edited or cancelled until it is sent. */
export const cancelButton = (id: string): KnownBlock => ({
  type: 'actions',
  elements: [
    button(id, 'Edit', ANNOUNCE_ACTIONS.edit),
    button(id, 'Cancel', ANNOUNCE_ACTIONS.cancel, 'danger'),
  ],
});

/** 'Tue 24 Nov 2026, 10:00 (Europe/Berlin)': the time as the sender chose it, in their zone. */
export const describeLocalTime = (at: Date, timeZone: string) =>
  `${DateTime.fromJSDate(at, { zone: timeZone }).toFormat('ccc d LLL yyyy, HH:mm')} (${timeZone})`;

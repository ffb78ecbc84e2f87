import type { Button, KnownBlock } from '@slack/types';
import type { DigestAnnouncement, DigestIncident } from '../../domain/digests/digest-content.js';
import { STATUS_LABELS as INCIDENT_STATUS_LABELS } from '../incidents/incident-message.js';
import { context, header, plain, section } from '../shared/blocks.js';
import { describeSpan, slackDate } from '../shared/describe-due.js';
import { safeText, truncate } from '../shared/escape.js';
import { SECTION_TEXT_MAX } from '../shared/split-sections.js';

/** Lines shown per list: enough to read at a glance; the rest are counted, not listed. */
export const LIST_LINE_CAP = 10;
/** User text per line; with the rest of a line this keeps ten lines inside one section. */
const TITLE_MAX = 150;

/** '1 open ask', '5 open asks'. */
export const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** User text on a list line, escaped and bounded; newlines flattened so it cannot fake lines of its own. */
export const lineText = (text: string, max = TITLE_MAX) => safeText(text.replace(/\s+/g, ' '), max);

/** '*ACME-12* Export fails': refs come from a prefix someone typed, so they are bounded and escaped too. */
export const refTitle = (ref: string, title: string) => `*${lineText(ref, 40)}* ${lineText(title)}`;

/**
 * A list as one section: its heading, at most LIST_LINE_CAP whole lines, then `more(shown)` when any
 * were left out. Only the lines that can show are rendered, however many items there are. Lines are
 * dropped, never cut, so the text stays under 3000 characters whatever their length; room for `more`
 * is kept at its longest (nothing shown), so the count always fits.
 */
export function listSection<T>(
  heading: string,
  items: readonly T[],
  line: (item: T) => string,
  more: (shown: number) => string,
): KnownBlock {
  const lines = items.slice(0, LIST_LINE_CAP).map(line);
  if (lines.length === items.length) {
    const all = [heading, ...lines].join('\n');
    if (all.length <= SECTION_TEXT_MAX) return section(all);
  }
  const room = SECTION_TEXT_MAX - more(0).length - 1;
  const shown: string[] = [heading];
  let length = heading.length;
  for (const next of lines) {
    if (length + 1 + next.length > room) break;
    shown.push(next);
    length += 1 + next.length;
  }
  return section([...shown, more(shown.length - 1)].join('\n'));
}

/** A list that is left out when empty, with a plain '…and N more'. */
export const optionalList = <T>(
  title: string,
  items: readonly T[],
  line: (item: T) => string,
): KnownBlock[] =>
  items.length === 0
    ? []
    : [
        listSection(
          `*${title} (${items.length})*`,
          items,
          line,
          (shown) => `…and ${items.length - shown} more`,
        ),
      ];

/** 'A, B and 3 more': at most `max` items named, so a line stays short however many there are. */
export function namedList(items: readonly string[], max: number): string {
  const named = items.slice(0, max);
  const rest = items.length - named.length;
  const last = rest > 0 ? `${rest} more` : named.pop();
  return named.length > 0 ? `${named.join(', ')} and ${last}` : (last ?? '');
}

/** '*API errors* — resolved after 2 h 5 min (started …)' or '*API errors* — open, Monitoring (since …)'. */
export function incidentLine(i: DigestIncident): string {
  const title = `*${lineText(i.title)}*`;
  return i.resolvedAt === null
    ? `• ${title} — open, ${INCIDENT_STATUS_LABELS[i.status]} (since ${slackDate(i.startedAt)})`
    : `• ${title} — resolved after ${describeSpan(i.resolvedAt.getTime() - i.startedAt.getTime())} (started ${slackDate(i.startedAt)})`;
}

/** '*Release 4.2* — <date>': what it was and when it came, nothing about who else got it. */
export const announcementLine = (a: DigestAnnouncement): string =>
  `• *${lineText(a.title)}* — ${slackDate(a.at)}`;

/** Header and period line; a header is plain text (never parsed for mentions), so it is only shortened. */
export const digestTop = (title: string, accountName: string, start: Date, details: string): KnownBlock[] => [
  header(`${title} · ${truncate(accountName, 120)}`),
  context(`Since ${slackDate(start)} · ${details}`),
];

/** The notification text: Slack parses it for mentions, so the account name is escaped. */
export const digestText = (title: string, accountName: string, summary: string) =>
  `${title} for ${safeText(accountName, 120)}: ${summary}`;

/** A button; `style` and `value` are set only when given, as Slack wants no empty ones. */
export function button(actionId: string, text: string, options: { value?: string; primary?: boolean } = {}) {
  const b: Button = { type: 'button', action_id: actionId, text: plain(text) };
  if (options.value !== undefined) b.value = options.value;
  if (options.primary) b.style = 'primary';
  return b;
}

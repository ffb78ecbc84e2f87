import type { KnownBlock } from '@slack/types';
import type { Announcement } from '../../domain/announcements/announcement.js';
import type {
  IncidentUpdate,
  IncidentUpdateCounts,
  IncidentUpdateDelivery,
} from '../../domain/incidents/incident.js';
import { type MessageContent, section } from '../shared/blocks.js';
import { safeText } from '../shared/escape.js';
import { INCIDENT_ACTIONS } from './ids.js';
import { STATUS_LABELS } from './incident-message.js';

const MAX_LISTED = 40;
const n = (count: number) => count.toLocaleString('en-US');

const headline = (a: Announcement, update: IncidentUpdate) =>
  `*Update ${update.number}* (${STATUS_LABELS[update.status]}) of the incident *${safeText(a.title, 150)}*`;

/**
 * The poster's private progress message, edited in place while the update goes out: the replies go
 * first (fast), then the top messages are edited (about 50 a minute, Slack's limit for edits).
 */
export function buildUpdateProgress(
  a: Announcement,
  update: IncidentUpdate,
  counts: IncidentUpdateCounts,
): MessageContent {
  const total = counts.pending + counts.replied + counts.edited + counts.failed;
  const threads = counts.replied + counts.edited;
  const text =
    `${headline(a, update)} is going out: posted in ${n(threads)} of ${n(total)} threads, ` +
    `${n(counts.edited)} of ${n(total)} channels updated.`;
  return { text: `${n(counts.edited)} of ${n(total)} channels updated`, blocks: [section(text)] };
}

/** The same message once every channel has settled: what it reached, and each channel Slack refused, with why. */
export function buildUpdateOutcome(
  a: Announcement,
  update: IncidentUpdate,
  deliveries: IncidentUpdateDelivery[],
): MessageContent {
  const edited = deliveries.filter((d) => d.state === 'edited').length;
  const failed = deliveries.filter((d) => d.state === 'failed');
  const summary = `${headline(a, update)} reached ${n(edited)} of ${n(deliveries.length)} channels.`;
  const refusals = failed.slice(0, MAX_LISTED).map((d) => {
    const step = d.replyTs === null ? 'reply' : 'top message';
    return `• <#${d.channelId}>: ${safeText(d.error ?? 'refused', 100)} (${step})`;
  });
  if (failed.length > MAX_LISTED) refusals.push(`… and ${n(failed.length - MAX_LISTED)} more`);
  const text =
    failed.length === 0 ? summary : `${summary}\nSlack refused ${n(failed.length)}:\n${refusals.join('\n')}`;
  return {
    text: `Update ${update.number}: reached ${n(edited)} of ${n(deliveries.length)} channels`,
    blocks: [section(text), nextUpdateButton(a)],
  };
}

/** Under the outcome: the next update starts from here (the form shows the incident as it is then). */
const nextUpdateButton = (a: Announcement): KnownBlock => ({
  type: 'actions',
  elements: [
    {
      type: 'button',
      text: {
        type: 'plain_text',
        text: a.incident?.status === 'resolved' ? 'Reopen' : 'Post another update',
      },
      action_id: INCIDENT_ACTIONS.postUpdate,
      value: a.id,
    },
  ],
});

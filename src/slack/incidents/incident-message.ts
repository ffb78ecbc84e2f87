import type { Announcement } from '../../domain/announcements/announcement.js';
import {
  type Incident,
  type IncidentStatus,
  type IncidentUpdate,
  incidentDuration,
  incidentStartedAt,
} from '../../domain/incidents/incident.js';
import { context, header, type MessageContent, section } from '../shared/blocks.js';
import { describeSpan, slackDate } from '../shared/describe-due.js';
import { safeText } from '../shared/escape.js';

export const STATUS_LABELS: Record<IncidentStatus, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

const STATUS_EMOJI: Record<IncidentStatus, string> = {
  investigating: ':mag:',
  identified: ':wrench:',
  monitoring: ':eyes:',
  resolved: ':white_check_mark:',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** 'Resolved after 2 h 5 min' or 'Monitoring': the status line as customers read it. */
export function describeStatus(a: Pick<Announcement, 'sendAt' | 'createdAt'>, incident: Incident): string {
  const label = `${STATUS_EMOJI[incident.status]} *${STATUS_LABELS[incident.status]}*`;
  if (incident.resolvedAt === null) return label;
  return `${label} after ${describeSpan(incidentDuration(incidentStartedAt(a), incident, incident.resolvedAt))}`;
}

/**
 * An incident's top message in every channel: its title, current status, the time of its last update (in
 * each reader's own zone), how many updates it has had, and the first description. Edited after every update.
 */
export function buildIncidentMessage(
  a: Pick<Announcement, 'title' | 'body' | 'sendAt' | 'createdAt'>,
  incident: Incident,
): MessageContent {
  const last = incident.updates.at(-1)?.at ?? incidentStartedAt(a);
  const updates =
    incident.count === 0 ? 'no updates yet' : `${plural(incident.count, 'update')} in the thread`;
  return {
    text: safeText(`Incident: ${a.title} (${STATUS_LABELS[incident.status]})`, 3000),
    blocks: [
      header(a.title),
      section(`${describeStatus(a, incident)} · last update ${slackDate(last)} · ${updates}`),
      section(safeText(a.body, 3000)),
    ],
  };
}

/** One update as its reply in every channel's incident thread. */
export function buildIncidentReply(update: IncidentUpdate): MessageContent {
  const status = `${STATUS_EMOJI[update.status]} *${STATUS_LABELS[update.status]}*`;
  return {
    text: safeText(`${STATUS_LABELS[update.status]}: ${update.text}`, 3000),
    blocks: [
      section(`${status} — update ${update.number}`),
      section(safeText(update.text, 3000)),
      context(slackDate(update.at)),
    ],
  };
}

import type { KnownBlock, View } from '@slack/types';
import type { Announcement } from '../../domain/announcements/announcement.js';
import { INCIDENT_STATUSES, INCIDENT_UPDATE_MAX, type Incident } from '../../domain/incidents/incident.js';
import { plain, section } from '../shared/blocks.js';
import { safeText } from '../shared/escape.js';
import { input, textInput } from '../shared/inputs.js';
import { INCIDENT_BLOCKS as B, INCIDENT_VIEWS } from './ids.js';
import { statusOptions } from './incident-form.js';
import { describeStatus } from './incident-message.js';

/** A resolved incident is reopened by an update with another status: "Resolved" is not offered again. */
const offered = (incident: Incident) =>
  statusOptions(INCIDENT_STATUSES.filter((s) => incident.status !== 'resolved' || s !== 'resolved'));

/** Post update: the new status (the current one chosen) and what customers should know now. */
export function buildIncidentUpdateModal(a: Announcement, incident: Incident): View {
  const options = offered(incident);
  const current = options.find((o) => o.value === incident.status) ?? options[0];
  const blocks = [
    section(`*${safeText(a.title, 150)}* — ${describeStatus(a, incident)}`),
    input(B.status, 'Status', { type: 'static_select', options, initial_option: current }),
    textInput(B.text, 'Update', {
      multiline: true,
      max: INCIDENT_UPDATE_MAX,
      hint: 'Posted in the thread of every channel’s incident message. Mentions and @channel show as plain text.',
    }),
  ] as KnownBlock[];
  return {
    type: 'modal',
    callback_id: INCIDENT_VIEWS.update,
    private_metadata: JSON.stringify({ id: a.id }),
    title: plain(incident.status === 'resolved' ? 'Reopen incident' : 'Incident update'),
    submit: plain('Post update'),
    close: plain('Cancel'),
    blocks,
  };
}

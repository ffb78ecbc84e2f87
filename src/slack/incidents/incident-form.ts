import type { KnownBlock } from '@slack/types';
import { type Incident, type IncidentStatus, newIncident } from '../../domain/incidents/incident.js';
import { plain } from '../shared/blocks.js';
import { input } from '../shared/inputs.js';
import type { ElementState } from '../shared/view-state.js';
import { INCIDENT_BLOCKS as B } from './ids.js';
import { STATUS_LABELS } from './incident-message.js';

const option = (value: string, text: string) => ({ text: plain(text), value });
const KINDS = [option('announcement', 'Announcement'), option('incident', 'Incident (status and updates)')];
export const statusOptions = (statuses: readonly IncidentStatus[]) =>
  statuses.map((s) => option(s, STATUS_LABELS[s]));
/** An incident cannot start resolved. */
const STARTING = statusOptions(['investigating', 'identified', 'monitoring']);

/** What the announcement form asks in addition for incidents: the kind, and the status it starts with. */
export const incidentFormBlocks = (): KnownBlock[] => [
  input(B.kind, 'Kind', { type: 'radio_buttons', options: KINDS, initial_option: KINDS[0] }),
  input(B.startStatus, 'Status (for an incident)', {
    type: 'static_select',
    options: STARTING,
    initial_option: STARTING[0],
  }),
];

/**
 * The incident the form starts, null for an announcement, or 'malformed' for values the form never
 * offers. A form without the kind block (opened before incidents existed) is an announcement.
 */
export function parseIncidentChoice(read: (blockId: string) => ElementState): Incident | null | 'malformed' {
  const kind = read(B.kind).selected_option?.value ?? 'announcement';
  if (kind === 'announcement') return null;
  const status = read(B.startStatus).selected_option?.value ?? 'investigating';
  if (kind !== 'incident' || !STARTING.some((o) => o.value === status)) return 'malformed';
  return newIncident(status as IncidentStatus);
}

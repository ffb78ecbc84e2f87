import { tooLong } from '../asks/text-limits.js';
import { INCIDENT_UPDATE_MAX, type Incident, type IncidentStatus } from './incident.js';

export type UpdateField = 'status' | 'text';

/**
 * What is wrong with an update, by field. A resolved incident takes no further update except one that
 * reopens it (any other status): saying "resolved" twice would notify every channel for nothing.
 */
export function checkIncidentUpdate(
  incident: Incident,
  update: { status: IncidentStatus; text: string },
): Partial<Record<UpdateField, string>> {
  const fields: Partial<Record<UpdateField, string>> = {};
  if (update.text.trim() === '') fields.text = 'Write what customers should know now.';
  else if (update.text.length > INCIDENT_UPDATE_MAX) fields.text = tooLong(INCIDENT_UPDATE_MAX);
  if (incident.status === 'resolved' && update.status === 'resolved') {
    fields.status = 'This incident is resolved: choose another status to reopen it.';
  }
  return fields;
}

import type { Button } from '@slack/types';
import type { Announcement } from '../../domain/announcements/announcement.js';
import type { Incident } from '../../domain/incidents/incident.js';
import { INCIDENT_ACTIONS } from './ids.js';

/** Post update (Reopen once resolved): opens the update form, for people at the vendor only. */
export const postUpdateButton = (a: Announcement, incident: Incident): Button => ({
  type: 'button',
  text: { type: 'plain_text', text: incident.status === 'resolved' ? 'Reopen' : 'Post update' },
  action_id: INCIDENT_ACTIONS.postUpdate,
  value: a.id,
});

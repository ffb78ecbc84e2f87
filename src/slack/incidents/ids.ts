export const INCIDENT_VIEWS = { update: 'rapport.incident_update' } as const;

/** Input blocks of the update form, and those the announcement form adds for incidents. */
export const INCIDENT_BLOCKS = {
  status: 'incident.status',
  text: 'incident.text',
  kind: 'announce.kind',
  startStatus: 'announce.incident_status',
} as const;

/**
 * "Post update" (or "Reopen") on `/rapport incident`'s list, an update's outcome and the sender's Home
 * tab; its value is the incident's id.
 */
export const INCIDENT_ACTIONS = { postUpdate: 'incident.post_update' } as const;

/** The metadata key of one update's reply in one partnership's incident thread. */
export const incidentReplyKey = (deliveryId: string) => `incident-update:${deliveryId}`;

/** The metadata key of an update's progress message in its poster's DM. */
export const incidentProgressKey = (announcementId: string, update: number) =>
  `incident-progress:${announcementId}:${update}`;

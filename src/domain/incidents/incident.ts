/** Where an incident stands, as customers read it; only the first three can start one. */
export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** One update of an incident: posted in every channel's thread, then shown on every top message. */
export interface IncidentUpdate {
  /** 1, 2, 3...: the order of the updates, and part of each delivery's id. */
  number: number;
  status: IncidentStatus;
  /** The vendor's mrkdwn, escaped when shown. */
  text: string;
  at: Date;
  /** The vendor person who posted it, told privately how it goes out. */
  by: string;
}

/**
 * What makes an announcement an incident, kept on the announcement's document: its status and updates.
 * `count` is the compare-and-set version of the updates; `startedThrough` and `settledThrough` say how far
 * the updates have gone out (deliveries created, every delivery settled and the poster told).
 */
export interface Incident {
  status: IncidentStatus;
  updates: IncidentUpdate[];
  count: number;
  startedThrough: number;
  settledThrough: number;
  /** True while some update has not settled: what the updates run looks for. */
  sending: boolean;
  /** When it was last resolved; null while open (a reopened incident is open again). */
  resolvedAt: Date | null;
  /** The progress message of each update in its poster's DM (the DM's id, not the person's), by `u<number>`. */
  progress: Record<string, { channel: string; ts: string }>;
}

export const INCIDENT_UPDATE_MAX = 3000;

export const newIncident = (status: IncidentStatus): Incident => ({
  status,
  updates: [],
  count: 0,
  startedThrough: 0,
  settledThrough: 0,
  sending: false,
  resolvedAt: null,
  progress: {},
});

/**
 * One update's reply in one partnership's incident thread, then the edit of that channel's top message:
 * pending -> replied -> edited, or failed (Slack refused the reply or the edit) with Slack's reason.
 * Claimed with a lease before each step, so each happens once across replicas and restarts.
 */
export interface IncidentUpdateDelivery {
  /** `${announcementId}:${update}:${partnershipId}`: unique, so it is created once whoever runs it. */
  id: string;
  announcementId: string;
  update: number;
  partnershipId: string;
  channelId: string;
  /** The incident's top message in that channel: the thread to reply in, the message to edit. */
  threadTs: string;
  state: 'pending' | 'replied' | 'edited' | 'failed';
  lease: { token: string; until: Date } | null;
  /** Claims so far: past the first, the reply may already be in the thread and is looked for first. */
  attempts: number;
  replyTs: string | null;
  error: string | null;
}

export const incidentUpdateDeliveryId = (announcementId: string, update: number, partnershipId: string) =>
  `${announcementId}:${update}:${partnershipId}`;

export type IncidentUpdateCounts = Record<IncidentUpdateDelivery['state'], number>;

/** When an incident started for its customers: when its first message went out. */
export const incidentStartedAt = (a: { sendAt: Date | null; createdAt: Date }) => a.sendAt ?? a.createdAt;

/** How long an incident lasted until it was resolved, or has lasted until `now`. */
export const incidentDuration = (startedAt: Date, incident: Pick<Incident, 'resolvedAt'>, now: Date) =>
  (incident.resolvedAt ?? now).getTime() - startedAt.getTime();

import { type Announcement, noReviewYet } from '../../src/domain/announcements/announcement.js';
import { type Incident, newIncident } from '../../src/domain/incidents/incident.js';

/**
 * An incident sent at `at` to every partnership in `partnershipIds`, investigating, with nothing signed
 * off, held or changed since: tests and benchmarks give what they look at and take the rest.
 */
export function aSentIncident(
  at: Date,
  fields: Pick<Announcement, 'id' | 'partnershipIds'> & Partial<Announcement>,
  incident: Partial<Incident> = {},
): Announcement {
  return {
    title: 'API errors',
    body: 'Some calls fail.',
    audience: {
      kind: 'all',
      tags: [],
      tagMatch: 'any',
      excludedTags: [],
      channelIds: [],
      excludedChannelIds: [],
    },
    sendAt: at,
    timeZone: 'UTC',
    state: 'sent',
    createdBy: 'UV1',
    createdAt: at,
    startedAt: at,
    finishedAt: at,
    signOff: null,
    replaces: null,
    notifyChannel: false,
    inWorkingHours: false,
    ...noReviewYet(),
    ...fields,
    incident: { ...newIncident('investigating'), ...incident },
  };
}

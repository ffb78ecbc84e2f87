import {
  type Announcement,
  type Audience,
  noReviewYet,
} from '../../src/domain/announcements/announcement.js';
import { type Incident, newIncident } from '../../src/domain/incidents/incident.js';

/** Every partnership, unless `over` says otherwise. */
export const anAudience = (over: Partial<Audience> = {}): Audience => ({
  kind: 'all',
  tags: [],
  tagMatch: 'any',
  excludedTags: [],
  channelIds: [],
  excludedChannelIds: [],
  ...over,
});

/**
 * An announcement sent at `at` to every partnership in `partnershipIds`, with nothing signed off, held
 * or changed since: tests and benchmarks give what they look at and take the rest.
 */
export function anAnnouncement(
  at: Date,
  fields: Pick<Announcement, 'id' | 'partnershipIds'> & Partial<Announcement>,
): Announcement {
  return {
    title: 'Release 4.2',
    body: 'Faster exports.',
    audience: anAudience(),
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
  };
}

/** The same as an incident, investigating unless `incident` says otherwise. */
export const aSentIncident = (
  at: Date,
  fields: Pick<Announcement, 'id' | 'partnershipIds'> & Partial<Announcement>,
  incident: Partial<Incident> = {},
): Announcement =>
  anAnnouncement(at, {
    title: 'API errors',
    body: 'Some calls fail.',
    ...fields,
    incident: { ...newIncident('investigating'), ...incident },
  });

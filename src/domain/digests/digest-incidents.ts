import type { Announcement } from '../announcements/announcement.js';
import { incidentStartedAt } from '../incidents/incident.js';
import type { DigestIncident } from './digest-content.js';
import type { DigestSources } from './digest-sources.js';

/** The incidents sent to the partnership that were open at some time in the period, oldest first. */
export function incidentsOfPeriod(s: DigestSources): (DigestIncident & { partnerships: number })[] {
  return s.incidents
    .flatMap((a: Announcement) => {
      const incident = a.incident;
      if (!incident) return [];
      const startedAt = incidentStartedAt(a);
      const open = startedAt < s.period.end && (incident.resolvedAt ?? s.now) >= s.period.start;
      if (!open) return [];
      const { status, resolvedAt } = incident;
      return [{ title: a.title, status, startedAt, resolvedAt, partnerships: a.partnershipIds.length }];
    })
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
}

/** The same for the customer: nothing about other partnerships. */
export const customerIncidentsOfPeriod = (s: DigestSources): DigestIncident[] =>
  incidentsOfPeriod(s).map(({ partnerships: _, ...incident }) => incident);

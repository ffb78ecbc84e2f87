import type { DigestAnnouncement } from './digest-content.js';
import type { DigestSources } from './digest-sources.js';

/** The customer's: each title and when it came, nothing about its audience or how it was sent. */
export const customerAnnouncementsOfPeriod = (s: DigestSources): DigestAnnouncement[] =>
  s.announcements.map(({ announcement, at }) => ({ title: announcement.title, at }));

/** The vendor's: the same, with how many channels each reached and how many refused it. */
export const announcementsOfPeriod = (s: DigestSources) =>
  s.announcements.map(({ announcement, at, counts }) => ({
    title: announcement.title,
    at,
    reached: counts.posted,
    failed: counts.failed,
  }));

import { daysBefore } from '../days.js';
import type { ContactRole, Partnership } from '../partnerships/partnership.js';
import type { GoneReason, Stakeholder } from './stakeholder.js';

/** Losing one of these people puts the whole relationship at risk: they carry it at the customer. */
export const HIGH_RISK_ROLES: readonly ContactRole[] = ['champion', 'executive_sponsor'];

/** How long a departure keeps the partnership flagged, unless someone takes the role over. */
export const DEPARTURE_WINDOW_DAYS = 30;

/** A partnership counts as single-threaded, and its customer as quiet, over these windows. */
export const ACTIVITY_WINDOW_DAYS = 30;
export const QUIET_AFTER_DAYS = 14;

export interface Departure {
  userId: string;
  role: ContactRole | null;
  customRole: string | null;
  goneAt: Date;
  reason: GoneReason;
  highRisk: boolean;
}

/** The person's role: set on the map, else the one the setup form lists them with. */
export function roleOf(s: Stakeholder, p: Partnership): ContactRole | null {
  return s.role ?? p.contacts.find((c) => c.userId === s.userId)?.role ?? null;
}

/** A listed contact is someone the vendor gave a role: their leaving is news to the owner. */
export const isListed = (s: Stakeholder, p: Partnership) => roleOf(s, p) !== null || s.customRole !== null;

/** A departure as the owner and the digest describe it; high risk unless the role has been filled again. */
export function departureOf(
  s: Stakeholder,
  p: Partnership,
  everyone: readonly Stakeholder[],
): Departure | null {
  if (s.side !== 'customer' || s.active || !s.goneAt || !s.goneReason || !isListed(s, p)) return null;
  const role = roleOf(s, p);
  const replaced = everyone.some(
    (o) => o.active && o.side === 'customer' && role !== null && roleOf(o, p) === role,
  );
  return {
    userId: s.userId,
    role,
    customRole: s.customRole,
    goneAt: s.goneAt,
    reason: s.goneReason,
    highRisk: role !== null && HIGH_RISK_ROLES.includes(role) && !replaced,
  };
}

/** Listed customer contacts who left in the last DEPARTURE_WINDOW_DAYS, most recent first. */
export function recentDepartures(
  stakeholders: readonly Stakeholder[],
  p: Partnership,
  now: Date,
): Departure[] {
  const since = daysBefore(now, DEPARTURE_WINDOW_DAYS);
  return stakeholders
    .map((s) => departureOf(s, p, stakeholders))
    .filter((d): d is Departure => d !== null && d.goneAt >= since)
    .sort((a, b) => b.goneAt.getTime() - a.goneAt.getTime());
}

/** Customer people with a message or action in the activity window (ACTIVITY_WINDOW_DAYS). */
export function activeCustomerIds(stakeholders: readonly Stakeholder[], now: Date): string[] {
  const since = daysBefore(now, ACTIVITY_WINDOW_DAYS);
  return stakeholders
    .filter((s) => s.side === 'customer' && s.lastActiveAt !== null && s.lastActiveAt >= since)
    .map((s) => s.userId);
}

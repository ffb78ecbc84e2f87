import type { Urgency } from '../../domain/asks/ask.js';
import { BUSINESS_DAY_MINUTES } from '../../domain/partnerships/partnership.js';

/** '1 hour', '2 hours': a count with its word, plural when it is not one. */
export const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Business minutes as people say them: 45 -> '45 min', 60 -> '1 business hour', 90 -> '1 business hour 30 min'. */
export function describeDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? count(hours, 'business hour') : `${count(hours, 'business hour')} ${rest} min`;
}

/** Adds whole business days, for choosing: 480 -> '8 business hours (1 business day)'. */
export function describeDurationWithDays(minutes: number): string {
  const days = minutes / BUSINESS_DAY_MINUTES;
  const text = describeDuration(minutes);
  return Number.isInteger(days) && days > 0 ? `${text} (${count(days, 'business day')})` : text;
}

/** Most urgent first, the order in which people read response targets. */
export const URGENCIES_BY_PRIORITY: readonly Urgency[] = ['urgent', 'high', 'normal', 'low'];

/** 'urgent requests within 1 business hour, high within 4 business hours, … and low within …'. */
export function describeResponseTargets(firstResponse: Record<Urgency, number>): string {
  const parts = URGENCIES_BY_PRIORITY.map(
    (u, i) => `${u}${i === 0 ? ' requests' : ''} within ${describeDuration(firstResponse[u])}`,
  );
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

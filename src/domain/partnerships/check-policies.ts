import { DateTime } from 'luxon';
import type { Urgency } from '../asks/ask.js';
import { checkSchedule, type DigestSchedule } from '../digests/digest-schedule.js';
import type { BusinessHours, EscalationPolicy, SlaPolicy } from './partnership.js';
import type { PartnershipFieldErrors as FieldErrors } from './partnership-field.js';
import { MAX_NAGS, MAX_TARGET_MINUTES } from './partnership-sizes.js';

/** The break and the holidays; the working day itself is checked with the other fields. */
export function checkDays(hours: BusinessHours): FieldErrors {
  const fields: FieldErrors = {};
  const pause = hours.dailyBreak;
  if (pause !== null && hours.start < hours.end) {
    if (pause.start >= pause.end) fields['businessHours.dailyBreak'] = 'The break must end after it starts.';
    else if (pause.start <= hours.start || pause.end >= hours.end) {
      fields['businessHours.dailyBreak'] =
        `The break must fall inside the working day (${hours.start}–${hours.end}).`;
    }
  }
  const bad = hours.holidays.filter((d) => !isLocalDate(d));
  if (bad.length > 0) {
    const named = bad.slice(0, 3).map((d) => `“${d.slice(0, 30)}”`);
    fields['businessHours.holidays'] =
      `${bad.length === 1 ? 'Not a date' : 'Not dates'}: ${named.join(', ')}${bad.length > 3 ? ', …' : ''}. ` +
      'Write dates as YYYY-MM-DD, such as 2026-12-24.';
  }
  return fields;
}

const URGENCY_ORDER: [Urgency, string][] = [
  ['urgent', 'Urgent'],
  ['high', 'High'],
  ['normal', 'Normal'],
  ['low', 'Low'],
];

/** Targets within MAX_TARGET_MINUTES; a less urgent request never gets a faster promise than a more urgent one. */
export function checkSla(sla: SlaPolicy): FieldErrors {
  const fields: FieldErrors = {};
  const notMinutes = `Use a whole number of business minutes, from 1 to ${MAX_TARGET_MINUTES}.`;
  URGENCY_ORDER.forEach(([urgency, name], i) => {
    const target = sla.firstResponse[urgency];
    const above = URGENCY_ORDER[i - 1];
    if (!isMinutes(target)) fields[`sla.firstResponse.${urgency}`] = notMinutes;
    else if (above !== undefined && target < sla.firstResponse[above[0]]) {
      fields[`sla.firstResponse.${urgency}`] =
        `${name} requests can’t have a shorter target than ${above[1].toLowerCase()} ones.`;
    }
  });
  if (!isMinutes(sla.updateEvery)) fields['sla.updateEvery'] = notMinutes;
  if (!isMinutes(sla.resolution)) fields['sla.resolution'] = notMinutes;
  else if (sla.resolution < Math.max(...Object.values(sla.firstResponse))) {
    fields['sla.resolution'] = 'Allow at least as long to resolve a request as to first answer it.';
  }
  return fields;
}

/** The backup owner is nagged before the final step, and the final step is someone new. */
export function checkEscalation(escalation: EscalationPolicy, ownerId: string): FieldErrors {
  const fields: FieldErrors = {};
  const { backupAfterNags: backup, finalAfterNags: final } = escalation;
  const isNags = (n: number) => Number.isInteger(n) && n >= 1 && n <= MAX_NAGS;
  const range = `Choose between 1 and ${MAX_NAGS} nags.`;
  if (!isNags(backup)) fields['escalation.backupAfterNags'] = range;
  if (!isNags(final)) fields['escalation.finalAfterNags'] = range;
  else if (final <= backup) {
    fields['escalation.finalAfterNags'] = 'The final escalation must come after the backup owner is nagged.';
  }
  if (escalation.userId === ownerId) {
    fields['escalation.userId'] = 'The owner is the one being nagged: escalate to someone else.';
  }
  return fields;
}

export function checkDigest(digest: DigestSchedule | null, now: Date): FieldErrors {
  const problem = digest && checkSchedule(digest, now);
  return problem ? { [`digest.${problem.field}`]: problem.message } : {};
}

const isMinutes = (n: number) => Number.isInteger(n) && n > 0 && n <= MAX_TARGET_MINUTES;

/** A real calendar date written 'YYYY-MM-DD' (2026-02-30 is not). */
const isLocalDate = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;

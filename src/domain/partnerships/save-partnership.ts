import { DateTime, IANAZone } from 'luxon';
import type { Actor } from '../actors.js';
import type { Urgency } from '../asks/ask.js';
import { checkSchedule, type DigestSchedule, slotAfter } from '../digests/digest-schedule.js';
import type { Clock, Directory, PartnershipRepository } from '../ports.js';
import { fail, ok, type Result } from '../result.js';
import {
  type BusinessHours,
  type ContactRole,
  deriveRefPrefix,
  type EscalationPolicy,
  type Partnership,
  type PartnershipInput,
  type SlaPolicy,
} from './partnership.js';

export type PartnershipField =
  | 'accountName'
  | 'ownerId'
  | 'backupOwnerId'
  | `contacts.${ContactRole}`
  | 'timeZone'
  | 'businessHours'
  | 'businessHours.dailyBreak'
  | 'businessHours.holidays'
  | 'triageChannelId'
  | 'reactions'
  | `sla.firstResponse.${Urgency}`
  | 'sla.updateEvery'
  | 'sla.resolution'
  | 'escalation.backupAfterNags'
  | 'escalation.finalAfterNags'
  | 'escalation.userId'
  | 'digest.cron'
  | 'digest.timeZone';

type FieldErrors = Partial<Record<PartnershipField, string>>;

export const MAX_HOLIDAYS = 60;
/** Escalation steps count nags to the owner; past ten, an item has been ignored for far too long. */
export const MAX_NAGS = 10;

export type SaveError =
  | { code: 'forbidden'; message: string }
  | { code: 'invalid'; fields: FieldErrors }
  | { code: 'conflict'; message: string };

export interface SaveDeps {
  partnerships: PartnershipRepository;
  directory: Directory;
  clock: Clock;
  newId: () => string;
}

export interface SaveRequest {
  actor: Actor;
  channelId: string;
  input: PartnershipInput;
  /** The version the form was opened on; null when it was opened to create. */
  expectedVersion: number | null;
}

/** Creates the channel's partnership, or edits it: one partnership per channel, never two. */
export async function savePartnership(
  deps: SaveDeps,
  request: SaveRequest,
): Promise<Result<{ partnership: Partnership; created: boolean }, SaveError>> {
  const { actor, channelId, input, expectedVersion } = request;
  if (actor.side !== 'vendor') {
    return fail({ code: 'forbidden', message: 'Only people at the vendor can set up a partnership.' });
  }
  const fields = await checkInput(deps.directory, channelId, input, deps.clock.now());
  if (Object.keys(fields).length > 0) return fail({ code: 'invalid', fields });

  const now = deps.clock.now();
  const existing = await deps.partnerships.findByChannel(channelId);
  if (existing === null) {
    if (expectedVersion !== null) return fail(changedMeanwhile());
    const partnership: Partnership = {
      id: deps.newId(),
      channelId,
      ...input,
      refPrefix: deriveRefPrefix(input.accountName),
      welcomeMessageTs: null,
      lastCustomerMessageAt: null,
      digestNextAt: input.digest ? slotAfter(input.digest, now) : null,
      plan: null,
      planMessageTs: null,
      createdBy: actor.userId,
      createdAt: now,
      updatedBy: actor.userId,
      updatedAt: now,
      version: 1,
    };
    const inserted = await deps.partnerships.insert(partnership);
    return inserted === 'inserted' ? ok({ partnership, created: true }) : fail(changedMeanwhile());
  }
  if (expectedVersion !== existing.version) return fail(changedMeanwhile());
  const updated: Partnership = {
    ...existing,
    ...input,
    digestNextAt: nextDigestAfterEdit(existing, input.digest, now),
    updatedBy: actor.userId,
    updatedAt: now,
    version: existing.version + 1,
  };
  const replaced = await deps.partnerships.replace(updated, existing.version);
  return replaced === 'replaced' ? ok({ partnership: updated, created: false }) : fail(changedMeanwhile());
}

/**
 * An unchanged schedule keeps its pending slot, so saving other settings at 09:00:30 cannot lose the
 * 09:00 digest that the tick has not taken yet; a new schedule starts from its first slot after now.
 */
function nextDigestAfterEdit(existing: Partnership, digest: DigestSchedule | null, now: Date): Date | null {
  if (digest === null) return null;
  const same = existing.digest?.cron === digest.cron && existing.digest?.timeZone === digest.timeZone;
  return same && existing.digestNextAt ? existing.digestNextAt : slotAfter(digest, now);
}

function changedMeanwhile(): SaveError {
  return {
    code: 'conflict',
    message:
      'Someone else saved this partnership while you were editing. Close this form and run setup again.',
  };
}

async function checkInput(
  directory: Directory,
  channelId: string,
  input: PartnershipInput,
  now: Date,
): Promise<FieldErrors> {
  const fields: FieldErrors = {
    ...checkDays(input.businessHours),
    ...checkSla(input.sla),
    ...checkEscalation(input.escalation, input.ownerId),
    ...checkDigest(input.digest, now),
  };
  if (!IANAZone.isValidZone(input.timeZone)) {
    fields.timeZone = 'Use a time zone name such as Europe/Berlin or America/New_York.';
  }
  if (input.businessHours.days.length === 0) fields.businessHours = 'Pick at least one working day.';
  else if (input.businessHours.start >= input.businessHours.end) {
    fields.businessHours = 'The working day must end after it starts.';
  }
  if (input.backupOwnerId !== null && input.backupOwnerId === input.ownerId) {
    fields.backupOwnerId = 'The backup owner must be someone other than the owner.';
  }
  const emoji = /^[a-z0-9_+'-]{1,64}$/;
  if (!emoji.test(input.reactions.help) || !emoji.test(input.reactions.enhancement)) {
    fields.reactions = 'Use emoji names such as ticket or bulb, without colons.';
  } else if (input.reactions.help === input.reactions.enhancement) {
    fields.reactions = 'Help requests and enhancements need different reactions.';
  }
  if (input.triageChannelId === channelId) {
    fields.triageChannelId = 'The triage channel must be an internal channel, not this one.';
  }

  const sideOf = (userId: string | null) =>
    userId === null ? Promise.resolve(null) : directory.sideOfUser(userId);
  const [ownerSide, backupSide, escalationSide, contactSides, triageShared] = await Promise.all([
    directory.sideOfUser(input.ownerId),
    sideOf(input.backupOwnerId),
    sideOf(input.escalation.userId),
    Promise.all(input.contacts.map((c) => directory.sideOfUser(c.userId))),
    input.triageChannelId === null
      ? Promise.resolve(false)
      : directory.isExternallyShared(input.triageChannelId),
  ]);
  if (ownerSide !== 'vendor') fields.ownerId = 'The owner must be someone at your company.';
  if (input.backupOwnerId !== null && backupSide !== 'vendor' && fields.backupOwnerId === undefined) {
    fields.backupOwnerId = 'The backup owner must be someone at your company.';
  }
  if (
    input.escalation.userId !== null &&
    escalationSide !== 'vendor' &&
    fields['escalation.userId'] === undefined
  ) {
    fields['escalation.userId'] = 'The final escalation must go to someone at your company.';
  }
  input.contacts.forEach((contact, i) => {
    if (contactSides[i] === 'vendor') {
      fields[`contacts.${contact.role}`] =
        'Customer contacts must be people at the customer, not at your company.';
    }
  });
  if (triageShared && fields.triageChannelId === undefined) {
    fields.triageChannelId =
      'That channel is shared with another organisation; internal notes must stay internal.';
  }
  return fields;
}

/** The break and the holidays; the working day itself is checked with the other fields. */
function checkDays(hours: BusinessHours): FieldErrors {
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
  } else if (hours.holidays.length > MAX_HOLIDAYS) {
    fields['businessHours.holidays'] =
      `List at most ${MAX_HOLIDAYS} holidays (there are ${hours.holidays.length}).`;
  }
  return fields;
}

const URGENCY_ORDER: [Urgency, string][] = [
  ['urgent', 'Urgent'],
  ['high', 'High'],
  ['normal', 'Normal'],
  ['low', 'Low'],
];

/** Positive targets; a less urgent request never gets a faster promise than a more urgent one. */
function checkSla(sla: SlaPolicy): FieldErrors {
  const fields: FieldErrors = {};
  const notMinutes = 'Use a whole number of business minutes, above zero.';
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
function checkEscalation(escalation: EscalationPolicy, ownerId: string): FieldErrors {
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

function checkDigest(digest: DigestSchedule | null, now: Date): FieldErrors {
  const problem = digest && checkSchedule(digest, now);
  return problem ? { [`digest.${problem.field}`]: problem.message } : {};
}

const isMinutes = (n: number) => Number.isInteger(n) && n > 0;

/** A real calendar date written 'YYYY-MM-DD' (2026-02-30 is not). */
const isLocalDate = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;

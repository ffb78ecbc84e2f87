import { z } from 'zod';
import type { Urgency } from '../../domain/asks/ask.js';
import type { DigestSchedule } from '../../domain/digests/digest-schedule.js';
import {
  CONTACT_ROLES,
  type ContactRole,
  type CustomerContact,
  DEFAULT_REACTIONS,
  type PartnershipInput,
  type TimeWindow,
  type Weekday,
} from '../../domain/partnerships/partnership.js';
import type { PartnershipField } from '../../domain/partnerships/partnership-field.js';
import { parseTags } from '../../domain/partnerships/partnership-tags.js';
import { URGENCIES_BY_PRIORITY } from '../shared/describe-duration.js';
import { INPUT } from '../shared/ids.js';
import { parseMetadata } from '../shared/json-metadata.js';
import { element, type ViewStateValues, viewStateValues } from '../shared/view-state.js';
import { SETUP_BLOCKS } from './ids.js';
import { FIRST_RESPONSE_BLOCKS, type SetupMetadata } from './setup-modal.js';

export type BlockErrors = Record<string, string>;

export type ParsedSetup =
  | { ok: true; metadata: SetupMetadata; input: PartnershipInput }
  | { ok: false; errors: BlockErrors };

const metadataSchema = z.object({
  channelId: z.string().min(1),
  expectedVersion: z.number().int().nullable(),
});

/** Turns the submitted setup modal into domain input, or inline errors keyed by block id. */
export function parseSetupSubmission(
  privateMetadata: string,
  rawValues: unknown,
): ParsedSetup | { ok: 'malformed' } {
  const values = viewStateValues.safeParse(rawValues);
  const metadata = parseMetadata(privateMetadata, metadataSchema);
  if (!values.success || metadata === null) return { ok: 'malformed' };
  const v = values.data;
  const read = (blockId: string) => element(v, blockId, INPUT);

  const errors: BlockErrors = {};
  const accountName = (read(SETUP_BLOCKS.accountName).value ?? '').trim();
  if (accountName.length === 0) errors[SETUP_BLOCKS.accountName] = 'Give the customer account a name.';
  const ownerId = read(SETUP_BLOCKS.ownerId).selected_user ?? '';
  if (ownerId === '') errors[SETUP_BLOCKS.ownerId] = 'Choose who owns this partnership.';
  const start = read(SETUP_BLOCKS.dayStart).selected_time ?? '';
  const end = read(SETUP_BLOCKS.dayEnd).selected_time ?? '';
  if (!isTime(start)) errors[SETUP_BLOCKS.dayStart] = 'Choose when the working day starts.';
  if (!isTime(end)) errors[SETUP_BLOCKS.dayEnd] = 'Choose when the working day ends.';
  const dailyBreak = readBreak(v, errors);
  const { sla, escalation } = readPolicy(v, errors);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const timeZone = (read(SETUP_BLOCKS.timeZone).value ?? '').trim();

  return {
    ok: true,
    metadata,
    input: {
      accountName,
      ownerId,
      backupOwnerId: read(SETUP_BLOCKS.backupOwnerId).selected_user ?? null,
      contacts: readContacts(v),
      timeZone,
      businessHours: { days: readDays(v), start, end, dailyBreak, holidays: readHolidays(v) },
      triageChannelId: read(SETUP_BLOCKS.triageChannelId).selected_conversation ?? null,
      reactions: {
        help: emojiName(read(SETUP_BLOCKS.helpReaction).value) ?? DEFAULT_REACTIONS.help,
        enhancement: emojiName(read(SETUP_BLOCKS.enhancementReaction).value) ?? DEFAULT_REACTIONS.enhancement,
      },
      sla,
      escalation,
      digest: readDigestSchedule(v, timeZone),
      tags: parseTags(read(SETUP_BLOCKS.tags).value ?? ''),
    },
  };
}

/** An empty schedule means no scheduled digest; an empty zone, the partnership's own. */
export function readDigestSchedule(values: ViewStateValues, partnershipZone: string): DigestSchedule | null {
  const text = (blockId: string) => (element(values, blockId, INPUT).value ?? '').trim();
  const cron = text(SETUP_BLOCKS.digestCron).replace(/\s+/g, ' ');
  if (cron === '') return null;
  return { cron, timeZone: text(SETUP_BLOCKS.digestTimeZone) || partnershipZone };
}

type PrefixedField = `contacts.${string}` | `sla.firstResponse.${string}`;

const FIELD_BLOCKS: Record<Exclude<PartnershipField, PrefixedField>, string> = {
  accountName: SETUP_BLOCKS.accountName,
  ownerId: SETUP_BLOCKS.ownerId,
  backupOwnerId: SETUP_BLOCKS.backupOwnerId,
  timeZone: SETUP_BLOCKS.timeZone,
  businessHours: SETUP_BLOCKS.workingDays,
  'businessHours.dailyBreak': SETUP_BLOCKS.breakStart,
  'businessHours.holidays': SETUP_BLOCKS.holidays,
  triageChannelId: SETUP_BLOCKS.triageChannelId,
  reactions: SETUP_BLOCKS.helpReaction,
  'sla.updateEvery': SETUP_BLOCKS.updateEvery,
  'sla.resolution': SETUP_BLOCKS.resolution,
  'escalation.backupAfterNags': SETUP_BLOCKS.backupAfterReminders,
  'escalation.finalAfterNags': SETUP_BLOCKS.finalAfterReminders,
  'escalation.userId': SETUP_BLOCKS.escalationUserId,
  'digest.cron': SETUP_BLOCKS.digestCron,
  'digest.timeZone': SETUP_BLOCKS.digestTimeZone,
  tags: SETUP_BLOCKS.tags,
};

const startsWith = <P extends string>(field: string, prefix: P): field is `${P}${string}` =>
  field.startsWith(prefix);

/** Where each domain validation problem is shown in the modal. */
export function blockForField(field: PartnershipField): string {
  if (startsWith(field, 'contacts.')) return SETUP_BLOCKS[field.slice('contacts.'.length) as ContactRole];
  if (startsWith(field, 'sla.firstResponse.')) {
    return FIRST_RESPONSE_BLOCKS[field.slice('sla.firstResponse.'.length) as Urgency];
  }
  return FIELD_BLOCKS[field];
}

function readContacts(values: ViewStateValues): CustomerContact[] {
  return CONTACT_ROLES.flatMap((role) =>
    [...new Set(element(values, SETUP_BLOCKS[role], INPUT).selected_users ?? [])].map((userId) => ({
      userId,
      role,
    })),
  );
}

function readDays(values: ViewStateValues): Weekday[] {
  const selected = element(values, SETUP_BLOCKS.workingDays, INPUT).selected_options ?? [];
  return selected
    .map((o) => Number(o.value))
    .filter((d): d is Weekday => Number.isInteger(d) && d >= 1 && d <= 7);
}

/** The selects always hold a choice, so a missing or foreign one is a form problem, not a user's. */
function readPolicy(
  values: ViewStateValues,
  errors: BlockErrors,
): Pick<PartnershipInput, 'sla' | 'escalation'> {
  const chosen = (blockId: string) => {
    const n = Number(element(values, blockId, INPUT).selected_option?.value);
    if (!Number.isInteger(n) || n <= 0) errors[blockId] = 'Choose one of the options.';
    return n;
  };
  const firstResponse = Object.fromEntries(
    URGENCIES_BY_PRIORITY.map((u) => [u, chosen(FIRST_RESPONSE_BLOCKS[u])]),
  ) as Record<Urgency, number>;
  return {
    sla: {
      firstResponse,
      updateEvery: chosen(SETUP_BLOCKS.updateEvery),
      resolution: chosen(SETUP_BLOCKS.resolution),
    },
    escalation: {
      backupAfterNags: chosen(SETUP_BLOCKS.backupAfterReminders),
      finalAfterNags: chosen(SETUP_BLOCKS.finalAfterReminders),
      userId: element(values, SETUP_BLOCKS.escalationUserId, INPUT).selected_user ?? null,
    },
  };
}

/** Both times or neither; a half-filled break is shown on its empty side. */
function readBreak(values: ViewStateValues, errors: BlockErrors): TimeWindow | null {
  const start = element(values, SETUP_BLOCKS.breakStart, INPUT).selected_time ?? '';
  const end = element(values, SETUP_BLOCKS.breakEnd, INPUT).selected_time ?? '';
  if (start === '' && end === '') return null;
  if (!isTime(start))
    errors[SETUP_BLOCKS.breakStart] = 'Choose when the break starts, or clear both for none.';
  if (!isTime(end)) errors[SETUP_BLOCKS.breakEnd] = 'Choose when the break ends, or clear both for none.';
  return { start, end };
}

/** Free text to a sorted set of entries; the domain refuses any that is not a date. */
function readHolidays(values: ViewStateValues): string[] {
  const text = element(values, SETUP_BLOCKS.holidays, INPUT).value ?? '';
  return [...new Set(text.split(/[\s,]+/).filter(Boolean))].sort();
}

/** ':Ticket:' -> 'ticket'; empty -> null (the default applies). */
const emojiName = (value: string | null | undefined) =>
  value?.trim().replace(/^:|:$/g, '').toLowerCase() || null;

const isTime = (value: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value);

import { z } from 'zod';
import {
  CONTACT_ROLES,
  type CustomerContact,
  DEFAULT_ESCALATION,
  DEFAULT_REACTIONS,
  DEFAULT_SLA,
  type PartnershipInput,
  type Weekday,
} from '../../domain/partnerships/partnership.js';
import type { PartnershipField } from '../../domain/partnerships/save-partnership.js';
import { INPUT, SETUP_BLOCKS } from '../ids.js';
import { ACCOUNT_NAME_MAX, type SetupMetadata } from '../views/setup-modal.js';
import { parseMetadata } from './json-metadata.js';
import { element, type ViewStateValues, viewStateValues } from './view-state.js';

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
  else if (accountName.length > ACCOUNT_NAME_MAX) {
    errors[SETUP_BLOCKS.accountName] = `Keep the name under ${ACCOUNT_NAME_MAX} characters.`;
  }
  const ownerId = read(SETUP_BLOCKS.ownerId).selected_user ?? '';
  if (ownerId === '') errors[SETUP_BLOCKS.ownerId] = 'Choose who owns this partnership.';
  const start = read(SETUP_BLOCKS.dayStart).selected_time ?? '';
  const end = read(SETUP_BLOCKS.dayEnd).selected_time ?? '';
  if (!isTime(start)) errors[SETUP_BLOCKS.dayStart] = 'Choose when the working day starts.';
  if (!isTime(end)) errors[SETUP_BLOCKS.dayEnd] = 'Choose when the working day ends.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  return {
    ok: true,
    metadata,
    input: {
      accountName,
      ownerId,
      backupOwnerId: read(SETUP_BLOCKS.backupOwnerId).selected_user ?? null,
      contacts: readContacts(v),
      timeZone: (read(SETUP_BLOCKS.timeZone).value ?? '').trim(),
      businessHours: { days: readDays(v), start, end, dailyBreak: null, holidays: [] },
      triageChannelId: read(SETUP_BLOCKS.triageChannelId).selected_conversation ?? null,
      reactions: {
        help: emojiName(read(SETUP_BLOCKS.helpReaction).value) ?? DEFAULT_REACTIONS.help,
        enhancement: emojiName(read(SETUP_BLOCKS.enhancementReaction).value) ?? DEFAULT_REACTIONS.enhancement,
      },
      sla: DEFAULT_SLA,
      escalation: DEFAULT_ESCALATION,
    },
  };
}

/** Where each domain validation problem is shown in the modal. */
export function blockForField(field: PartnershipField): string {
  if (field.startsWith('contacts.'))
    return SETUP_BLOCKS[field.slice('contacts.'.length) as keyof typeof SETUP_BLOCKS];
  if (field === 'businessHours') return SETUP_BLOCKS.workingDays;
  if (field === 'reactions') return SETUP_BLOCKS.helpReaction;
  return SETUP_BLOCKS[
    field as Exclude<PartnershipField, `contacts.${string}` | 'businessHours' | 'reactions'>
  ];
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

/** ':Ticket:' -> 'ticket'; empty -> null (the default applies). */
const emojiName = (value: string | null | undefined) =>
  value?.trim().replace(/^:|:$/g, '').toLowerCase() || null;

const isTime = (value: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value);

import { tooLong } from '../asks/text-limits.js';
import { BUSINESS_DAY_MINUTES, CONTACT_ROLES, type PartnershipInput } from './partnership.js';
import type { PartnershipFieldErrors } from './partnership-field.js';
import { checkTags } from './partnership-tags.js';

/**
 * The most a partnership keeps in each field. The setup and connect forms say so too (max_length,
 * max_selected_items) from these same constants, but a forged submission skips the form, so
 * `checkPartnershipSizes` refuses more whatever sent it, before anything is looked up.
 */
export const ACCOUNT_NAME_MAX = 80;
/** IANA names are at most about 30 characters; anything longer is not one. */
export const TIME_ZONE_MAX = 64;
/** Slack's own limit on emoji names. */
export const EMOJI_NAME_MAX = 64;
export const DIGEST_CRON_MAX = 100;
export const MAX_HOLIDAYS = 60;
/** Escalation steps count nags to the owner; past ten, an item has been ignored for far too long. */
export const MAX_NAGS = 10;
/** Per role of the setup form (champions, technical contacts…), so five roles keep at most 50 people. */
export const MAX_CONTACTS_PER_ROLE = 10;
/** Ids of people and channels: far above any real one, low enough that a forged one is never stored. */
export const ID_MAX = 64;
/**
 * Response targets, in business minutes: sixty business days. The business calendar walks day by day,
 * so a forged target of a billion minutes would stall every clock of the partnership.
 */
export const MAX_TARGET_MINUTES = 60 * BUSINESS_DAY_MINUTES;

/** Each field of `input` over its maximum (lengths, counts, ids), with what to do. */
export function checkPartnershipSizes(input: PartnershipInput): PartnershipFieldErrors {
  const fields: PartnershipFieldErrors = {};
  const longer = (text: string | null | undefined, max: number) => (text?.length ?? 0) > max;
  if (longer(input.accountName, ACCOUNT_NAME_MAX)) fields.accountName = tooLong(ACCOUNT_NAME_MAX);
  if (longer(input.timeZone, TIME_ZONE_MAX)) fields.timeZone = tooLong(TIME_ZONE_MAX);
  if (longer(input.digest?.cron, DIGEST_CRON_MAX)) fields['digest.cron'] = tooLong(DIGEST_CRON_MAX);
  if (longer(input.digest?.timeZone, TIME_ZONE_MAX)) fields['digest.timeZone'] = tooLong(TIME_ZONE_MAX);
  if (longer(input.reactions.help, EMOJI_NAME_MAX) || longer(input.reactions.enhancement, EMOJI_NAME_MAX)) {
    fields.reactions = tooLong(EMOJI_NAME_MAX);
  }
  const { days, holidays } = input.businessHours;
  if (days.length > 7 || new Set(days).size !== days.length) {
    fields.businessHours = 'Pick each working day once.';
  }
  if (holidays.length > MAX_HOLIDAYS) {
    fields['businessHours.holidays'] =
      `List at most ${MAX_HOLIDAYS} holidays (there are ${holidays.length}).`;
  }
  for (const role of CONTACT_ROLES) {
    const count = input.contacts.filter((c) => c.role === role).length;
    if (count > MAX_CONTACTS_PER_ROLE) {
      fields[`contacts.${role}`] = `Name at most ${MAX_CONTACTS_PER_ROLE} people here (there are ${count}).`;
    }
  }
  const tagProblem = checkTags(input.tags);
  if (tagProblem !== null) fields.tags = tagProblem;
  const pickAgain = 'Pick again from the list.';
  if (longer(input.ownerId, ID_MAX)) fields.ownerId = pickAgain;
  if (longer(input.backupOwnerId, ID_MAX)) fields.backupOwnerId = pickAgain;
  if (longer(input.escalation.userId, ID_MAX)) fields['escalation.userId'] = pickAgain;
  if (longer(input.triageChannelId, ID_MAX)) fields.triageChannelId = pickAgain;
  for (const contact of input.contacts) {
    if (longer(contact.userId, ID_MAX)) fields[`contacts.${contact.role}`] = pickAgain;
  }
  return fields;
}

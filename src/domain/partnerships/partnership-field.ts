import type { Urgency } from '../asks/ask.js';
import type { ContactRole } from './partnership.js';

/** A field of the setup form's input, as validation problems name it. */
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
  | 'digest.timeZone'
  | 'tags';

export type PartnershipFieldErrors = Partial<Record<PartnershipField, string>>;

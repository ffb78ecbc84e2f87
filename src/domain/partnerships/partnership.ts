export const CONTACT_ROLES = ['champion', 'executive_sponsor', 'technical', 'billing', 'end_user'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/** ISO weekday numbers: 1 = Monday ... 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface BusinessHours {
  days: Weekday[];
  /** Local wall-clock times in the partnership's zone, 'HH:mm'. */
  start: string;
  end: string;
}

export interface CustomerContact {
  userId: string;
  role: ContactRole;
}

/** Emoji names (without colons) whose reaction raises a message as an ask of that kind. */
export interface AskReactions {
  help: string;
  enhancement: string;
}

export const DEFAULT_REACTIONS: AskReactions = { help: 'ticket', enhancement: 'bulb' };

/** What the setup form provides; everything else is derived. */
export interface PartnershipInput {
  accountName: string;
  ownerId: string;
  backupOwnerId: string | null;
  contacts: CustomerContact[];
  timeZone: string;
  businessHours: BusinessHours;
  triageChannelId: string | null;
  reactions: AskReactions;
}

/** One customer account, bound to one shared channel. */
export interface Partnership extends PartnershipInput {
  id: string;
  channelId: string;
  /** Prefix of ask references (ACME-12); fixed at creation so references never change. */
  refPrefix: string;
  /** The pinned welcome message in the shared channel, once posted. */
  welcomeMessageTs: string | null;
  createdBy: string;
  createdAt: Date;
  updatedBy: string;
  updatedAt: Date;
  version: number;
}

export const DEFAULT_BUSINESS_HOURS: BusinessHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

/** 'Acme Corp' -> 'ACME', 'Überfirma' -> 'UBERFI', '42 Labs' -> 'L42'. */
export function deriveRefPrefix(accountName: string): string {
  const words = accountName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  const first = words[0] ?? 'ASK';
  const prefix = /^[A-Z]/.test(first) ? first : `${(words[1] ?? 'L').charAt(0)}${first}`;
  return prefix.slice(0, 6);
}

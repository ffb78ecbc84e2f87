import type { Urgency } from '../asks/ask.js';
import type { DigestSchedule } from '../digests/digest-schedule.js';
import type { CommunicationPlan } from '../plan/communication-plan.js';
import type { TrackerSettings } from '../trackers/tracker.js';

export const CONTACT_ROLES = ['champion', 'executive_sponsor', 'technical', 'billing', 'end_user'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/** ISO weekday numbers: 1 = Monday ... 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface TimeWindow {
  /** Local wall-clock times, 'HH:mm'. */
  start: string;
  end: string;
}

export interface BusinessHours extends TimeWindow {
  days: Weekday[];
  /** A pause inside the working day (lunch), which splits it into two windows. */
  dailyBreak: TimeWindow | null;
  /** Local dates ('YYYY-MM-DD') that are not working days. */
  holidays: string[];
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

/**
 * Response targets, in business minutes (the clock runs only in business hours and stops while the
 * ask waits on the other side).
 */
export interface SlaPolicy {
  firstResponse: Record<Urgency, number>;
  /** The owner posts an update at least this often while an ask is open. */
  updateEvery: number;
  /** Help requests are resolved within this. */
  resolution: number;
}

/** Who is nagged once the owner has let an item go quiet: after this many nags to the owner, and so on. */
export interface EscalationPolicy {
  backupAfterNags: number;
  /** The last rung: the named escalation user, or the triage channel when none is named. */
  finalAfterNags: number;
  userId: string | null;
}

export const BUSINESS_DAY_MINUTES = 8 * 60;

export const DEFAULT_SLA: SlaPolicy = {
  firstResponse: { urgent: 60, high: 4 * 60, normal: BUSINESS_DAY_MINUTES, low: 2 * BUSINESS_DAY_MINUTES },
  updateEvery: BUSINESS_DAY_MINUTES,
  resolution: 5 * BUSINESS_DAY_MINUTES,
};

export const DEFAULT_ESCALATION: EscalationPolicy = { backupAfterNags: 2, finalAfterNags: 4, userId: null };

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
  sla: SlaPolicy;
  escalation: EscalationPolicy;
  /** When status digests are posted; null posts none on a schedule (they can still be posted on demand). */
  digest: DigestSchedule | null;
  /** Free-text segments (tier, plan, region…) that announcements target; normalised by parseTags. */
  tags: string[];
}

/** One customer account, bound to one shared channel. */
export interface Partnership extends PartnershipInput {
  id: string;
  channelId: string;
  /** Prefix of ask references (ACME-12); fixed at creation so references never change. */
  refPrefix: string;
  /** The pinned welcome message in the shared channel, once posted. */
  welcomeMessageTs: string | null;
  /** When someone at the customer last wrote in the shared channel. */
  lastCustomerMessageAt: Date | null;
  /** The next digest slot not yet taken (indexed: the digest tick finds due partnerships by it). */
  digestNextAt: Date | null;
  /** Who to contact for what, meetings and what is shared; null until someone at the vendor saves one. */
  plan: CommunicationPlan | null;
  /** The plan's pinned message in the shared channel, once posted. */
  planMessageTs: string | null;
  /** Where each kind of ask goes in engineering's tracker; empty until someone at the vendor sets it. */
  trackers: TrackerSettings;
  createdBy: string;
  createdAt: Date;
  updatedBy: string;
  updatedAt: Date;
  version: number;
}

export const DEFAULT_BUSINESS_HOURS: BusinessHours = {
  days: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '17:00',
  dailyBreak: null,
  holidays: [],
};

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

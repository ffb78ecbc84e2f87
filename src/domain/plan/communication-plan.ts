import type { Side } from '../actors.js';

/** What people get in touch about; each purpose names one person on each side. */
export const PLAN_PURPOSES = ['technical', 'billing', 'escalation', 'executive'] as const;
export type PlanPurpose = (typeof PLAN_PURPOSES)[number];

export const PLAN_SIDES: readonly Side[] = ['vendor', 'customer'];

/** Who to contact about one purpose, on each side; null when nobody is named. */
export type PlanSlot = Record<Side, string | null>;
export type PlanContacts = Record<PlanPurpose, PlanSlot>;

/** What a plan says; the same for a saved plan and for the default suggested before one is saved. */
export interface PlanContent {
  contacts: PlanContacts;
  /** Free text, such as "Fortnightly, Tuesdays 15:00 CET"; empty when not agreed. */
  meetingCadence: string;
  /** What each side shares with the other (roadmap, release notes, usage reports…); empty when not agreed. */
  shared: string;
}

/** A partnership's communication plan, as last saved by someone at the vendor. */
export interface CommunicationPlan extends PlanContent {
  updatedBy: string;
  updatedAt: Date;
}

export const MAX_MEETING_CADENCE = 200;
export const MAX_SHARED = 1500;

export type PlanField = `contacts.${PlanPurpose}.${Side}` | 'meetingCadence' | 'shared';
export type PlanFieldErrors = Partial<Record<PlanField, string>>;

/** What the caller found out about a person named in a plan: their side, and whether they are in the channel. */
export interface PersonFacts {
  side: Side;
  inChannel: boolean;
}
/** null when Slack does not know the person (deleted, or a stale id). */
export type LookUpPerson = (userId: string) => PersonFacts | null;

/** Everyone a plan names, once each, for the caller to look up. */
export function peopleIn(content: PlanContent): string[] {
  const ids = PLAN_PURPOSES.flatMap((purpose) => PLAN_SIDES.map((side) => content.contacts[purpose][side]));
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

/**
 * What is wrong with a plan, by field: texts too long, people Slack does not know, people on the
 * wrong side for their slot, people not in the channel (a contact the other side cannot reach there
 * is no contact). Empty when it can be saved.
 */
export function checkPlan(content: PlanContent, lookUp: LookUpPerson): PlanFieldErrors {
  const fields: PlanFieldErrors = {};
  for (const purpose of PLAN_PURPOSES) {
    for (const side of PLAN_SIDES) {
      const userId = content.contacts[purpose][side];
      const problem = userId === null ? null : personProblem(lookUp(userId), side);
      if (problem) fields[`contacts.${purpose}.${side}`] = problem;
    }
  }
  if (content.meetingCadence.length > MAX_MEETING_CADENCE) {
    fields.meetingCadence = `Keep it under ${MAX_MEETING_CADENCE} characters (it has ${content.meetingCadence.length}).`;
  }
  if (content.shared.length > MAX_SHARED) {
    fields.shared = `Keep it under ${MAX_SHARED} characters (it has ${content.shared.length}).`;
  }
  return fields;
}

function personProblem(facts: PersonFacts | null, slot: Side): string | null {
  if (facts === null) return 'Slack does not know this person. Pick them again.';
  if (facts.side !== slot) {
    return slot === 'vendor'
      ? 'Pick someone at your company here: this is your side’s contact.'
      : 'Pick someone at the customer here, not at your company.';
  }
  if (!facts.inChannel) return 'Not in this channel: invite them first, or pick someone else.';
  return null;
}

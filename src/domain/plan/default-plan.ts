import type { ContactRole, Partnership } from '../partnerships/partnership.js';
import type { CommunicationPlan, PlanContent } from './communication-plan.js';

const firstContact = (p: Partnership, ...roles: ContactRole[]): string | null => {
  for (const role of roles) {
    const found = p.contacts.find((c) => c.role === role);
    if (found) return found.userId;
  }
  return null;
};

/**
 * The plan suggested from the partnership's setup until someone saves one. Vendor side: the owner
 * for technical questions (the customer's main contact, as the welcome message says), the person
 * named for the final escalation (else the owner) for escalations, nobody for billing and executive
 * (the setup does not know them). Customer side: the first technical contact (else the champion),
 * the first billing contact, the champion (else the executive sponsor) for escalations, and the
 * executive sponsor. No meeting cadence and nothing shared: those are agreed, not derived.
 */
export function defaultPlan(p: Partnership): PlanContent {
  return {
    contacts: {
      technical: { vendor: p.ownerId, customer: firstContact(p, 'technical', 'champion') },
      billing: { vendor: null, customer: firstContact(p, 'billing') },
      escalation: {
        vendor: p.escalation.userId ?? p.ownerId,
        customer: firstContact(p, 'champion', 'executive_sponsor'),
      },
      executive: { vendor: null, customer: firstContact(p, 'executive_sponsor') },
    },
    meetingCadence: '',
    shared: '',
  };
}

/** The plan to show: the saved one, or the default when none was saved yet (`saved` is then null). */
export function planOf(p: Partnership): { content: PlanContent; saved: CommunicationPlan | null } {
  return p.plan ? { content: p.plan, saved: p.plan } : { content: defaultPlan(p), saved: null };
}

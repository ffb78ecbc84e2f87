import type { Ask } from '../asks/ask.js';
import type { Partnership } from '../partnerships/partnership.js';
import type { CustomerNeed } from './tracker.js';

/**
 * What engineering's tracker records of one customer wanting an issue: the customer account (its name,
 * and its partnership as an id that survives a rename), the ask's reference, how many people want it and a
 * link back to the Slack thread. Nobody at the customer is named, so other customers' people never show.
 */
export function buildCustomerNeed(
  ask: Ask,
  partnership: Pick<Partnership, 'id' | 'accountName'>,
  issueKey: string,
  threadUrl: string | null,
): CustomerNeed {
  const people = ask.voters.length + 1;
  const wanting = people === 1 ? '1 person wants this' : `${people} people want this`;
  return {
    customer: { name: partnership.accountName, externalId: `rapport:${partnership.id}` },
    body: `${ask.ref}: ${wanting}.${threadUrl ? ` Slack thread: ${threadUrl}` : ''}`,
    marker: `rapport-need:${ask.id}:${issueKey}`,
  };
}

import type { Ask } from '../../src/domain/asks/ask.js';

let n = 0;

/** A complete help request with overridable fields; ids and numbers are unique per call. */
export function anAsk(overrides: Partial<Ask> = {}): Ask {
  n += 1;
  const at = new Date(Date.UTC(2026, 2, 2, 9, 0, n));
  const requester = { userId: 'UCUST1', teamId: 'TCUST', side: 'customer' as const };
  return {
    id: `ask-${n}`,
    partnershipId: 'p-1',
    channelId: 'CSHARED',
    number: n,
    ref: `ACME-${n}`,
    kind: 'help',
    content: {
      title: 'Export fails',
      details: 'CSV export times out',
      urgency: 'high',
      businessImpact: null,
      workaround: null,
      dueDate: null,
    },
    requester,
    ownerId: 'UVENDOR1',
    status: 'open',
    linkedTo: null,
    notSameAs: [],
    voters: [],
    promisedDate: null,
    source: null,
    card: null,
    mirror: null,
    tracker: null,
    history: [{ at, by: requester, action: 'created', from: null, to: 'open', note: null }],
    threadReplies: null,
    internalNotes: [],
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...overrides,
  };
}

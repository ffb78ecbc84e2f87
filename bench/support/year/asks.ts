/**
 * One ask's life as a year leaves it: raised (from a message or the form), moved along its kind's
 * lifecycle by the side that owes it, with notes, internal notes, thread replies, votes and promised
 * dates on the way; whatever has not happened by the end of the year has not happened yet.
 */
import type { Actor } from '../../../src/domain/actors.js';
import type { Ask, AskKind, AskStatus, HistoryEntry, Urgency } from '../../../src/domain/asks/ask.js';
import type { Partnership } from '../../../src/domain/partnerships/partnership.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface AskSeed {
  partnership: Partnership;
  number: number;
  kind: AskKind;
  requester: Actor;
  /** The vendor's account manager (help, enhancements) or the customer who owes a vendor ask. */
  owner: Actor;
  createdAt: Date;
  /** The message it was raised from, if any. */
  sourceTs: string | null;
  /** Customer people who may vote for an enhancement. */
  voters: Actor[];
  random: () => number;
}

/** The moves of each kind, with how long after the previous one each comes (ms, drawn by `random`). */
const PATHS: Record<AskKind, (r: () => number) => { status: AskStatus; after: number }[]> = {
  help: (r) => [
    { status: r() < 0.7 ? 'acknowledged' : 'in_progress', after: (0.1 + 3 * r()) * HOUR },
    ...(r() < 0.3
      ? [
          { status: 'waiting_on_customer' as const, after: (4 + 40 * r()) * HOUR },
          { status: 'in_progress' as const, after: (1 + 24 * r()) * HOUR },
        ]
      : []),
    { status: 'resolved', after: (0.5 + 6 * r() * r()) * DAY },
  ],
  enhancement: (r) => [
    { status: 'under_review', after: (0.5 + 5 * r()) * DAY },
    ...(r() < 0.2
      ? [{ status: 'declined' as const, after: (3 + 20 * r()) * DAY }]
      : [
          { status: 'planned' as const, after: (5 + 30 * r()) * DAY },
          { status: 'shipped' as const, after: (20 + 120 * r()) * DAY },
        ]),
  ],
  vendor: (r) => [
    { status: 'acknowledged', after: (0.5 + 8 * r()) * HOUR },
    { status: 'resolved', after: (1 + 8 * r()) * DAY },
  ],
};

const INITIAL: Record<AskKind, AskStatus> = { help: 'open', enhancement: 'submitted', vendor: 'open' };
const URGENCY: Urgency[] = ['low', 'normal', 'normal', 'normal', 'high', 'high', 'urgent'];
const TOPICS = ['CSV export', 'SSO login', 'webhook retries', 'invoice PDF', 'API rate limits', 'audit log'];

const pick = <T>(items: readonly T[], r: () => number): T => items[Math.floor(r() * items.length)] as T;
const ts = (at: Date, n: number) => `${Math.floor(at.getTime() / 1000)}.${String(n % 1e6).padStart(6, '0')}`;

/**
 * The ask as created, and as it stands at `end` (the same object when nothing happened since), with
 * the moment of its last change.
 */
export function yearAsk(seed: AskSeed, end: Date): { created: Ask; now: Ask; lastChangeAt: Date } {
  const { partnership: p, kind, requester, random: r } = seed;
  const topic = pick(TOPICS, r);
  const created: Ask = {
    id: `${p.id}-ask-${seed.number}`,
    partnershipId: p.id,
    channelId: p.channelId,
    number: seed.number,
    ref: `${p.refPrefix}-${seed.number}`,
    kind,
    content: {
      title: `${topic}: ${kind === 'enhancement' ? 'please support bulk changes' : 'fails for some accounts'} (${seed.number})`,
      details: `Since the last release the ${topic} step fails for about one account in ten. `.repeat(
        1 + Math.floor(r() * 4),
      ),
      urgency: kind === 'help' ? pick(URGENCY, r) : null,
      businessImpact: kind === 'enhancement' ? 'Two people spend a day a month on this by hand.' : null,
      workaround: kind === 'enhancement' && r() < 0.5 ? 'A spreadsheet, checked by a second person.' : null,
      dueDate: null,
    },
    requester,
    ownerId: seed.owner.userId,
    status: INITIAL[kind],
    linkedTo: null,
    voters: [],
    notSameAs: [],
    promisedDate: null,
    tracker: null,
    source: seed.sourceTs ? { channelId: p.channelId, messageTs: seed.sourceTs } : null,
    card: { channelId: p.channelId, ts: ts(seed.createdAt, seed.number * 10 + 1) },
    mirror: { channelId: p.triageChannelId as string, ts: ts(seed.createdAt, seed.number * 10 + 2) },
    history: [
      { at: seed.createdAt, by: requester, action: 'created', from: null, to: INITIAL[kind], note: null },
    ],
    threadReplies: null,
    internalNotes: [],
    createdAt: seed.createdAt,
    updatedAt: seed.createdAt,
    version: 1,
  };
  return { created, ...movedAlong(created, seed, end) };
}

function movedAlong(created: Ask, seed: AskSeed, end: Date): { now: Ask; lastChangeAt: Date } {
  const r = seed.random;
  const history: HistoryEntry[] = [...created.history];
  const internalNotes: Ask['internalNotes'] = [];
  let status = created.status;
  let at = created.createdAt.getTime();
  for (const step of PATHS[seed.kind](r)) {
    const next = at + step.after;
    if (next > end.getTime()) break;
    at = next;
    const note = r() < 0.4 ? `Update on ${created.ref}: we reproduced it and know the cause.` : null;
    history.push({ at: new Date(at), by: seed.owner, action: 'status', from: status, to: step.status, note });
    if (r() < 0.3)
      internalNotes.push({ at: new Date(at), by: seed.owner, text: 'Engineering ticket linked.' });
    status = step.status;
  }
  const changed = history.length > 1;
  const lastChangeAt = new Date(at);
  const voters =
    seed.kind === 'enhancement'
      ? seed.voters
          .filter(() => r() < 0.3)
          .map((v) => ({
            userId: v.userId,
            teamId: v.teamId,
            at: new Date(Math.min(end.getTime(), at + DAY)),
          }))
      : [];
  const now: Ask = {
    ...created,
    status,
    history,
    internalNotes,
    voters,
    promisedDate:
      status === 'planned' ? new Date(at + 60 * DAY).toISOString().slice(0, 10) : created.promisedDate,
    threadReplies: changed && r() < 0.5 ? { firstAt: history[1]?.at as Date, lastAt: lastChangeAt } : null,
    updatedAt: lastChangeAt,
    version: history.length,
  };
  return { now, lastChangeAt };
}

import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../../src/domain/actors.js';
import type { Ask, AskStatus, HistoryEntry } from '../../../../src/domain/asks/ask.js';
import { LIFECYCLES } from '../../../../src/domain/asks/lifecycle.js';
import type { TrackedMessage } from '../../../../src/domain/conversations/tracked-message.js';
import { compileCustomerDigest } from '../../../../src/domain/digests/compile-customer-digest.js';
import { compileInternalDigest } from '../../../../src/domain/digests/compile-internal-digest.js';
import type { DigestAsk, RiskFlag } from '../../../../src/domain/digests/digest-content.js';
import {
  type DigestRecord,
  type DigestState,
  scheduledDigestId,
} from '../../../../src/domain/digests/digest-record.js';
import { type DigestSources, OPEN_STATUSES } from '../../../../src/domain/digests/digest-sources.js';
import type { Feedback, Rating } from '../../../../src/domain/feedback/feedback.js';
import {
  type FollowUp,
  followUpId,
  type SubjectType,
  type TrailEntry,
} from '../../../../src/domain/follow-ups/follow-up.js';
import { blankFollowUp } from '../../../../src/domain/follow-ups/plan.js';
import type { Stakeholder } from '../../../../src/domain/stakeholders/stakeholder.js';
import { anAnnouncement } from '../../../support/announcement-fixture.js';
import { anAsk } from '../../../support/ask-fixture.js';
import { aPartnership } from '../../../support/partnership-fixture.js';

/** 'MM-DDTHH:mm' in 2026, UTC. Berlin is UTC+1 in November: 08:00Z is 09:00 there. */
const utc = (short: string) => new Date(`2026-${short}:00.000Z`);

// Monday 2026-11-23 09:00 in Berlin; the period is the week since the previous Monday's digest.
const NOW = utc('11-23T08:00');
const PERIOD = { start: utc('11-16T08:00'), end: NOW, first: false };

const VENDOR: Actor = { userId: 'UVENDOR1', teamId: 'TVENDOR', side: 'vendor' };
const CUSTOMER: Actor = { userId: 'UCUST1', teamId: 'TCUST', side: 'customer' };
const OTHER_CUSTOMER: Actor = { userId: 'UCUST2', teamId: 'TCUST', side: 'customer' };

function sources(overrides: Partial<DigestSources> = {}): DigestSources {
  return {
    partnership: aPartnership({ lastCustomerMessageAt: utc('11-20T10:00') }),
    now: NOW,
    period: PERIOD,
    asks: [],
    followUps: [],
    messages: [],
    ratings: [],
    digests: [],
    approvals: [],
    stakeholders: [],
    incidents: [],
    announcements: [],
    ...overrides,
  };
}

// ---- asks, with their history written out -------------------------------------------------------

type Step = { at: string; by: Actor } & ({ action: 'status'; to: AskStatus } | { action: 'note' });
const moved = (to: AskStatus, at: string, by: Actor = VENDOR): Step => ({ action: 'status', to, at, by });
const noted = (at: string, by: Actor = VENDOR): Step => ({ action: 'note', at, by });

/** An ask the customer raised at `created` (its ref doubles as its name), then each step in order. */
function askOf(ref: string, created: string, steps: Step[] = [], overrides: Partial<Ask> = {}): Ask {
  let status = LIFECYCLES[overrides.kind ?? 'help'].initial;
  const history: HistoryEntry[] = [
    { at: utc(created), by: CUSTOMER, action: 'created', from: null, to: status, note: null },
  ];
  for (const step of steps) {
    const to = step.action === 'status' ? step.to : null;
    history.push({ at: utc(step.at), by: step.by, action: step.action, from: to && status, to, note: null });
    status = to ?? status;
  }
  const createdAt = utc(created);
  return anAsk({ id: `ask-${ref}`, ref, status, history, createdAt, updatedAt: createdAt, ...overrides });
}

const enhancement = { kind: 'enhancement' } as const;
const refs = (asks: DigestAsk[]) => asks.map((a) => a.ref);

// ---- follow-ups, messages, ratings, earlier digests --------------------------------------------

function followUp(type: SubjectType, subjectId: string, overrides: Partial<FollowUp> = {}): FollowUp {
  const blank = blankFollowUp({ type, id: subjectId }, 'p-1', followUpId(type, subjectId), NOW);
  return { ...blank, ownerId: 'UVENDOR1', ...overrides };
}

const trailed = (action: TrailEntry['action'], at: string, more: Partial<TrailEntry> = {}): TrailEntry => ({
  at: utc(at),
  action,
  to: null,
  by: null,
  note: null,
  ...more,
});

function message(ts: string, postedAt: string, overrides: Partial<TrackedMessage> = {}): TrackedMessage {
  return {
    id: `CSHARED:${ts}`,
    partnershipId: 'p-1',
    channelId: 'CSHARED',
    ts,
    author: CUSTOMER,
    preview: `message ${ts}`,
    postedAt: utc(postedAt),
    ownerId: 'UVENDOR1',
    closed: null,
    ...overrides,
  };
}

function rated(at: string, rating: Rating | null, userId = 'UCUST1'): Feedback {
  return {
    askId: `ask-rated-${at}`,
    ref: 'ACME-1',
    partnershipId: 'p-1',
    userId,
    askedAt: utc(at),
    rating,
    comment: null,
    ratedAt: rating === null ? null : utc(at),
  };
}

function digestRecord(slot: string, state: DigestState, error: string | null = null): DigestRecord {
  return {
    id: scheduledDigestId('p-1', utc(slot)),
    partnershipId: 'p-1',
    trigger: 'schedule',
    slot: utc(slot),
    state,
    lease: null,
    missedSlots: 0,
    period: null,
    customerMessage: null,
    internalMessage: null,
    error,
    createdAt: utc(slot),
    finishedAt: state === 'posting' ? null : utc(slot),
  };
}

const risk = <K extends RiskFlag['kind']>(s: DigestSources, kind: K) =>
  compileInternalDigest(s).risks.find((r): r is Extract<RiskFlag, { kind: K }> => r.kind === kind);

// ---- the customer digest -------------------------------------------------------------------------

describe('compileCustomerDigest: what changed and what is open', () => {
  const asks = [
    askOf('old-open', '11-02T10:00'),
    askOf('reopened', '11-03T10:00', [
      moved('resolved', '11-17T10:00'),
      moved('open', '11-18T10:00', CUSTOMER),
    ]),
    askOf('new-open', '11-20T10:00'),
    askOf('new-ack', '11-17T08:00', [moved('acknowledged', '11-17T08:30')]),
    askOf('long-running', '10-20T09:00', [moved('in_progress', '10-21T09:00')]),
    askOf('waiting', '11-09T09:00', [moved('waiting_on_customer', '11-16T09:00')]),
    askOf('resolved-now', '11-10T09:00', [
      moved('in_progress', '11-10T10:00'),
      moved('resolved', '11-18T12:00'),
    ]),
    askOf('resolved-before', '11-02T09:00', [moved('resolved', '11-12T09:00')]),
    askOf(
      'shipped-now',
      '10-01T09:00',
      [moved('planned', '10-15T09:00'), moved('shipped', '11-19T15:00')],
      enhancement,
    ),
    askOf(
      'new-planned',
      '11-18T10:00',
      [moved('under_review', '11-19T09:00'), moved('planned', '11-20T09:00')],
      enhancement,
    ),
  ];
  const followUps = [
    followUp('ask', 'ask-old-open', { dueAt: utc('11-03T10:00') }),
    followUp('ask', 'ask-new-open', { dueAt: utc('11-20T14:00'), closed: true }),
    followUp('ask', 'ask-new-ack', { dueAt: utc('11-24T08:00') }),
  ];
  const digest = compileCustomerDigest(sources({ asks, followUps }));

  it('lists the asks raised in the period, newest first', () => {
    expect(refs(digest.newAsks)).toEqual(['new-open', 'new-planned', 'new-ack']);
  });

  it('lists help requests resolved and enhancements shipped in the period, not earlier ones', () => {
    expect(refs(digest.resolved)).toEqual(['resolved-now']);
    expect(refs(digest.shipped)).toEqual(['shipped-now']);
  });

  it('lists the other status moves of the period oldest first, without those listed as resolved or shipped', () => {
    const moves = digest.statusChanges.map((c) => [c.ask.ref, c.from, c.to, c.at.toISOString()]);
    expect(moves).toEqual([
      ['waiting', 'open', 'waiting_on_customer', '2026-11-16T09:00:00.000Z'],
      ['new-ack', 'open', 'acknowledged', '2026-11-17T08:30:00.000Z'],
      // Resolved, then reopened: not in the resolved list, so both moves show here.
      ['reopened', 'open', 'resolved', '2026-11-17T10:00:00.000Z'],
      ['reopened', 'resolved', 'open', '2026-11-18T10:00:00.000Z'],
      ['new-planned', 'submitted', 'under_review', '2026-11-19T09:00:00.000Z'],
      ['new-planned', 'under_review', 'planned', '2026-11-20T09:00:00.000Z'],
    ]);
  });

  it('groups the open asks by status in lifecycle order, oldest first within a group', () => {
    expect(OPEN_STATUSES).toEqual([
      'open',
      'acknowledged',
      'in_progress',
      'waiting_on_customer',
      'submitted',
      'under_review',
      'planned',
      'waiting_on_vendor',
    ]);
    expect(digest.open.map((g) => [g.status, refs(g.asks)])).toEqual([
      ['open', ['old-open', 'reopened', 'new-open']],
      ['acknowledged', ['new-ack']],
      ['in_progress', ['long-running']],
      ['waiting_on_customer', ['waiting']],
      ['planned', ['new-planned']],
    ]);
  });

  it('marks an open ask overdue since its follow-up fell due, and no other', () => {
    const overdue = digest.open.flatMap((g) => g.asks).filter((a) => a.overdueSince !== null);
    expect(overdue.map((a) => [a.ref, a.overdueSince?.toISOString()])).toEqual([
      ['old-open', '2026-11-03T10:00:00.000Z'],
    ]);
  });

  it('counts an ask raised at the start of the period as new, and one raised at its end as not', () => {
    const edges = [askOf('at-start', '11-16T08:00'), askOf('at-end', '11-23T08:00')];
    expect(refs(compileCustomerDigest(sources({ asks: edges })).newAsks)).toEqual(['at-start']);
  });
});

describe('compileCustomerDigest: promises', () => {
  const promised = (ref: string, date: string, steps: Step[] = [], more: Partial<Ask> = {}) =>
    askOf(ref, '11-10T09:00', steps, { promisedDate: date, ...more });
  const digest = compileCustomerDigest(
    sources({
      asks: [
        promised('in-two-weeks', '2026-12-07'),
        promised('in-two-days', '2026-11-25'),
        promised('today', '2026-11-23'),
        promised('in-15-days', '2026-12-08'),
        // 21:30Z is 22:30 in Berlin, still the promised day.
        promised('kept', '2026-11-18', [moved('resolved', '11-18T21:30')]),
        promised(
          'shipped-on-the-day',
          '2026-11-20',
          [moved('planned', '11-12T09:00'), moved('shipped', '11-20T10:00')],
          enhancement,
        ),
        // 23:30Z is 00:30 on the 19th in Berlin: a day late, though still the 18th in UTC.
        promised('closed-late', '2026-11-18', [moved('resolved', '11-18T23:30')]),
        promised('still-open', '2026-11-20'),
        promised('withdrawn', '2026-11-19', [moved('withdrawn', '11-19T10:00', CUSTOMER)]),
        promised('judged-last-week', '2026-11-13'),
        promised('closed-ahead', '2026-11-30', [moved('resolved', '11-20T10:00')]),
      ],
    }),
  );

  it('lists open asks promised within the next 14 days, soonest first, today included', () => {
    expect(refs(digest.promises.upcoming)).toEqual(['today', 'in-two-days', 'in-two-weeks']);
  });

  it('counts a promise kept when the ask closed by the end of the promised day in the partnership zone', () => {
    expect(refs(digest.promises.kept).sort()).toEqual(['kept', 'shipped-on-the-day']);
  });

  it('counts a promise missed when the ask closed a day late or is still open past the date', () => {
    expect(refs(digest.promises.missed).sort()).toEqual(['closed-late', 'still-open']);
  });

  it('counts a withdrawn ask’s promise neither kept nor missed', () => {
    const judged = [...digest.promises.kept, ...digest.promises.missed, ...digest.promises.upcoming];
    expect(refs(judged)).not.toContain('withdrawn');
  });
});

describe('compileCustomerDigest: first response', () => {
  // Business hours: Mon-Fri 09:00-17:00 Berlin (08:00Z-16:00Z in November).
  const answered = [
    askOf('in-30', '11-17T08:00', [noted('11-17T08:30')]), // Tue 09:00 -> 09:30: 30 min
    askOf('in-90', '11-18T08:00', [moved('acknowledged', '11-18T09:30')]), // Wed 09:00 -> 10:30: 90 min
    // Thu 15:00 -> Fri 11:00 by a thread reply: 120 min on Thursday + 120 on Friday = 240 min.
    askOf('in-240', '11-19T14:00', [], {
      threadReplies: { firstAt: utc('11-20T10:00'), lastAt: utc('11-20T12:00') },
    }),
    askOf('answered-last-week', '11-13T08:00', [noted('11-13T09:00')]),
    askOf('customer-note-only', '11-19T08:00', [noted('11-19T08:10', CUSTOMER)]),
  ];
  const firstResponse = (asks: Ask[]) => compileCustomerDigest(sources({ asks })).firstResponse;

  it('gives the median over the asks first answered in the period, in business minutes', () => {
    // 30, 90, 240: the answer before the period and the customer's own note do not count.
    expect(firstResponse(answered)).toEqual({ medianMinutes: 90, count: 3 });
  });

  it('averages the middle two of an even count', () => {
    // Fri 09:00 -> 19:00 is 480 business minutes: 30, 90, 240, 480 -> (90 + 240) / 2.
    const more = askOf('in-480', '11-20T08:00', [noted('11-20T18:00')]);
    expect(firstResponse([...answered, more])).toEqual({ medianMinutes: 165, count: 4 });
  });

  it('times a help request from the vendor’s first response, not the customer’s note before it', () => {
    const ask = askOf('customer-first', '11-17T08:00', [
      noted('11-17T08:10', CUSTOMER),
      noted('11-17T09:00'),
    ]);
    expect(firstResponse([ask])).toEqual({ medianMinutes: 60, count: 1 });
  });

  it('has no median when nothing was answered in the period', () => {
    expect(firstResponse([askOf('unanswered', '11-17T08:00')])).toEqual({ medianMinutes: null, count: 0 });
  });
});

// ---- the internal digest -------------------------------------------------------------------------

describe('compileInternalDigest: what is late and who is waiting', () => {
  const card = { channelId: 'CSHARED', ts: '1763370000.000700' };
  const exportAsk = askOf('ACME-7', '11-10T09:00', [], { card });
  const oldQuestion = message('1762941600.000100', '11-12T10:00', {
    author: OTHER_CUSTOMER,
    preview: 'Any news on SSO?',
    ownerId: 'UVENDOR2',
  });
  const newQuestion = message('1763632800.000200', '11-20T10:00', { preview: 'Invoices look wrong' });
  const answeredQuestion = message('1763546400.000300', '11-19T10:00', {
    closed: { at: utc('11-19T11:00'), by: 'UVENDOR1', reason: 'reply' },
  });
  const followUps = [
    followUp('ask', exportAsk.id, {
      dueAt: utc('11-20T10:00'),
      trail: [
        trailed('reminded', '11-13T10:00', { to: 'UVENDOR1', note: 'due soon' }),
        trailed('reminded', '11-20T10:00', { to: 'UVENDOR1', note: 'overdue' }),
        trailed('reminded', '11-20T12:00', { to: 'UVENDOR1', note: 'overdue' }),
        trailed('escalated', '11-20T12:00', { to: 'UVENDOR2', note: 'overdue' }),
      ],
    }),
    followUp('ask', 'ask-not-loaded', { dueAt: utc('11-21T09:00') }),
    followUp('ask', 'ask-closed', { dueAt: utc('11-15T09:00'), closed: true }),
    followUp('message', newQuestion.id, { dueAt: utc('11-23T10:00') }),
    followUp('message', oldQuestion.id, {
      ownerId: 'UVENDOR2',
      dueAt: utc('11-13T10:00'),
      trail: [
        trailed('reminded', '11-13T10:00', { to: 'UVENDOR2', note: 'overdue' }),
        trailed('reminded', '11-18T10:00', { to: 'UVENDOR2', note: 'overdue' }),
      ],
    }),
  ];
  const s = sources({ asks: [exportAsk], followUps, messages: [newQuestion, answeredQuestion, oldQuestion] });
  const digest = compileInternalDigest(s);

  it('names the account, its channel, owner and period', () => {
    const { channelId } = s.partnership;
    expect(digest).toMatchObject({
      accountName: 'Acme Corp',
      channelId,
      ownerId: 'UVENDOR1',
      period: PERIOD,
    });
  });

  it('lists what is overdue now, most overdue first, with refs, owners and links', () => {
    const items = digest.overdue.map((o) => [o.subject, o.ref, o.label, o.ownerId, o.dueAt, o.link]);
    expect(items).toEqual([
      [
        'message',
        null,
        'Any news on SSO?',
        'UVENDOR2',
        utc('11-13T10:00'),
        { channelId: 'CSHARED', ts: oldQuestion.ts },
      ],
      ['ask', 'ACME-7', 'Export fails', 'UVENDOR1', utc('11-20T10:00'), card],
      // Its ask was not loaded: still listed, described generically.
      ['ask', null, 'an ask', 'UVENDOR1', utc('11-21T09:00'), null],
    ]);
  });

  it('lists the customer messages nobody has answered, oldest first', () => {
    const items = digest.unanswered.map((m) => [m.authorId, m.preview, m.postedAt, m.ownerId, m.link.ts]);
    expect(items).toEqual([
      ['UCUST2', 'Any news on SSO?', utc('11-12T10:00'), 'UVENDOR2', oldQuestion.ts],
      ['UCUST1', 'Invoices look wrong', utc('11-20T10:00'), 'UVENDOR1', newQuestion.ts],
    ]);
    expect(digest.unanswered[0]?.link).toEqual({ channelId: 'CSHARED', ts: oldQuestion.ts });
  });

  it('counts the reminders and escalations sent in the period only', () => {
    // In the period: 11-20 10:00 and 12:00 on the ask, 11-18 on the message; 11-13 ones are earlier.
    expect(digest.nags).toMatchObject({ reminded: 3, escalated: 1, snoozes: [] });
  });
});

describe('compileInternalDigest: snoozes', () => {
  it('reads the snoozes set in the period from their trail notes', () => {
    const question = message('1763460000.000100', '11-18T10:00', { preview: 'Where is the roadmap?' });
    const snoozed = followUp('message', question.id, {
      trail: [
        trailed('snoozed', '11-13T09:00', {
          by: 'UVENDOR1',
          note: 'until 2026-11-16T08:00:00.000Z: last week',
        }),
        trailed('snoozed', '11-18T11:00', {
          by: 'UVENDOR2',
          note: 'until 2026-11-24T08:00:00.000Z: waiting for the SSO vendor: reply due Monday',
        }),
        // Not in the recorded form: kept as the reason, until when it was set.
        trailed('snoozed', '11-19T12:00', { by: 'UVENDOR1', note: 'back after the holidays' }),
      ],
    });
    const { nags } = compileInternalDigest(sources({ messages: [question], followUps: [snoozed] }));
    expect(nags.snoozes.map((z) => [z.label, z.by, z.until, z.reason])).toEqual([
      [
        'Where is the roadmap?',
        'UVENDOR2',
        utc('11-24T08:00'),
        'waiting for the SSO vendor: reply due Monday',
      ],
      ['Where is the roadmap?', 'UVENDOR1', utc('11-19T12:00'), 'back after the holidays'],
    ]);
  });
});

describe('compileInternalDigest: risk flags', () => {
  it('counts the response targets missed in the period', () => {
    const followUps = [
      followUp('ask', 'a-overdue-now', { dueAt: utc('11-18T10:00') }),
      // Overdue in the period and answered since: still a breach.
      followUp('ask', 'a-answered-late', {
        closed: true,
        trail: [trailed('reminded', '11-19T10:00', { note: 'overdue' })],
      }),
      // Overdue since before the period: counted in an earlier digest.
      followUp('ask', 'a-overdue-before', {
        dueAt: utc('11-10T10:00'),
        trail: [trailed('reminded', '11-11T10:00', { note: 'overdue' })],
      }),
      followUp('ask', 'a-due-soon', {
        dueAt: utc('11-24T10:00'),
        trail: [trailed('reminded', '11-20T10:00', { note: 'due soon' })],
      }),
    ];
    expect(risk(sources({ followUps }), 'sla_breaches')).toEqual({ kind: 'sla_breaches', count: 2 });
    expect(risk(sources({ followUps: followUps.slice(2) }), 'sla_breaches')).toBeUndefined();
  });

  /** `good` good and `total - good` bad ratings on `day`, an hour apart from 10:00Z. */
  const ratings = (day: string, good: number, total: number) =>
    Array.from({ length: total }, (_, i) => rated(`${day}T${10 + i}:00`, i < good ? 'good' : 'bad'));

  it.each([
    // Previous period (11-09 08:00Z to 11-16 08:00Z) vs this one: 0.8 -> 0.33 is a fall of more than 0.15.
    [4, 5, 1, 3, true],
    [4, 5, 3, 4, false], // 0.8 -> 0.75
    [2, 2, 0, 1, false], // one rating is too few to call a trend
    [0, 0, 0, 3, false], // nothing to compare with
  ])('compares good ratings, %i of %i before with %i of %i now: flagged %s', (pg, pt, cg, ct, flagged) => {
    const s = sources({
      ratings: [
        ...ratings('11-10', pg, pt),
        ...ratings('11-18', cg, ct),
        rated('11-01T10:00', 'bad'), // before the previous period
        rated('11-19T10:00', null), // asked, never rated
      ],
    });
    const expected = {
      kind: 'ratings_dropping',
      previous: { good: pg, total: pt },
      current: { good: cg, total: ct },
    };
    expect(risk(s, 'ratings_dropping')).toEqual(flagged ? expected : undefined);
  });

  // Active: wrote, raised or changed an ask, or rated over the last 30 days (since 10-24 08:00Z).
  const oneActive = {
    messages: [
      message('1763632800.000100', '11-20T10:00'),
      message('1760950800.000200', '10-20T09:00', { author: OTHER_CUSTOMER }),
    ],
    asks: [askOf('raised', '11-18T10:00', [moved('in_progress', '11-18T11:00')])],
    ratings: [rated('11-19T10:00', 'good')],
  };

  it('flags a partnership where one person at the customer was active over 30 days', () => {
    expect(risk(sources(oneActive), 'single_threaded')).toEqual({
      kind: 'single_threaded',
      userId: 'UCUST1',
    });
  });

  it.each([
    [
      'a message',
      {
        messages: [
          ...oneActive.messages,
          message('1763640000.000300', '11-20T12:00', { author: OTHER_CUSTOMER }),
        ],
      },
    ],
    ['a change to an ask', { asks: [askOf('noted', '09-01T10:00', [noted('11-19T10:00', OTHER_CUSTOMER)])] }],
    ['a rating', { ratings: [...oneActive.ratings, rated('11-21T10:00', 'bad', 'UCUST2')] }],
  ])('does not flag it when a second person was active through %s', (_, more) => {
    expect(risk(sources({ ...oneActive, ...more }), 'single_threaded')).toBeUndefined();
  });

  it('does not call a partnership with nobody active single-threaded', () => {
    expect(risk(sources(), 'single_threaded')).toBeUndefined();
  });

  const person = (overrides: Partial<Stakeholder> = {}): Stakeholder => ({
    partnershipId: 'p1',
    userId: 'UCUST2',
    side: 'customer',
    teamId: 'TCUST',
    role: null,
    customRole: null,
    active: true,
    firstSeenAt: utc('09-01T10:00'),
    lastActiveAt: null,
    goneAt: null,
    goneReason: null,
    ...overrides,
  });

  it('does not flag it when the stakeholder map saw a second person act (a click, a reaction)', () => {
    const clicked = { stakeholders: [person({ lastActiveAt: utc('11-21T10:00') })] };
    expect(risk(sources({ ...oneActive, ...clicked }), 'single_threaded')).toBeUndefined();
    const longAgo = { stakeholders: [person({ lastActiveAt: utc('10-20T10:00') })] };
    expect(risk(sources({ ...oneActive, ...longAgo }), 'single_threaded')).toBeDefined();
  });

  it('flags a listed contact who left in the last 30 days, a champion as high risk until replaced', () => {
    const champion = person({
      role: 'champion',
      active: false,
      goneAt: utc('11-20T09:00'),
      goneReason: 'left',
    });
    const left = risk(sources({ stakeholders: [champion] }), 'contact_left');
    expect(left).toEqual({
      kind: 'contact_left',
      departure: {
        userId: 'UCUST2',
        role: 'champion',
        customRole: null,
        goneAt: utc('11-20T09:00'),
        reason: 'left',
        highRisk: true,
      },
    });
    const successor = person({ userId: 'UCUST3', role: 'champion' });
    expect(risk(sources({ stakeholders: [champion, successor] }), 'contact_left')?.departure.highRisk).toBe(
      false,
    );
    const old = { ...champion, goneAt: utc('10-20T09:00') };
    expect(risk(sources({ stakeholders: [old] }), 'contact_left')).toBeUndefined();
    const unlisted = { ...champion, userId: 'UCUST9', role: null };
    expect(risk(sources({ stakeholders: [unlisted] }), 'contact_left')).toBeUndefined();
  });

  const quietness = (last: string | null, created = '03-02T09:30') => {
    const partnership = aPartnership({
      lastCustomerMessageAt: last ? utc(last) : null,
      createdAt: utc(created),
    });
    return risk(sources({ partnership }), 'quiet_customer');
  };
  const quiet = (last: string | null, days: number) => ({
    kind: 'quiet_customer',
    lastMessageAt: last ? utc(last) : null,
    days,
  });

  it('flags a customer that has not written for 14 days or more, counting whole days', () => {
    expect(quietness('11-05T08:00')).toEqual(quiet('11-05T08:00', 18));
    expect(quietness('11-09T07:00')).toEqual(quiet('11-09T07:00', 14)); // 14 days and an hour
    expect(quietness('11-10T08:00')).toBeUndefined();
  });

  it('flags a customer that never wrote once the partnership is older than 14 days', () => {
    // Set up 2026-03-02 09:30Z, 265.9 days before now.
    expect(quietness(null)).toEqual(quiet(null, 265));
    expect(quietness(null, '11-16T10:00')).toBeUndefined();
  });
});

describe('compileInternalDigest: digests that went wrong', () => {
  const failures = (digests: DigestRecord[]) => {
    const d = compileInternalDigest(sources({ digests }));
    return { failed: d.failedDigests, skipped: d.skippedSlots };
  };

  it('reports failed and skipped digests since the last posted one, not older ones', () => {
    const digests = [
      digestRecord('11-23T08:00', 'posting'),
      digestRecord('11-22T08:00', 'failed', 'channel_not_found'),
      digestRecord('11-21T08:00', 'skipped'),
      digestRecord('11-20T08:00', 'failed'),
      digestRecord('11-19T08:00', 'posted'),
      digestRecord('11-18T08:00', 'failed', 'not_in_channel'),
      digestRecord('11-17T08:00', 'skipped'),
    ];
    expect(failures(digests)).toEqual({
      failed: [
        { slot: utc('11-22T08:00'), error: 'channel_not_found' },
        { slot: utc('11-20T08:00'), error: 'unknown_error' },
      ],
      skipped: [utc('11-21T08:00')],
    });
  });

  it('reports every failure when nothing was ever posted, and none right after a posted digest', () => {
    const neverPosted = [
      digestRecord('11-20T08:00', 'failed', 'channel_not_found'),
      digestRecord('11-19T08:00', 'skipped'),
    ];
    expect(failures(neverPosted)).toEqual({
      failed: [{ slot: utc('11-20T08:00'), error: 'channel_not_found' }],
      skipped: [utc('11-19T08:00')],
    });
    expect(failures([digestRecord('11-22T08:00', 'posted'), ...neverPosted])).toEqual({
      failed: [],
      skipped: [],
    });
  });
});

describe('announcements in the digests', () => {
  it('gives the customer each title and when, and the vendor how far each went', () => {
    const announcement = anAnnouncement(utc('11-20T09:00'), {
      id: 'a-1',
      partnershipIds: ['p-1', 'p-2', 'p-3'],
      exclusions: [{ partnershipId: 'p-4', accountName: 'Globex', by: 'UVENDOR2', at: utc('11-20T08:00') }],
    });
    const counts = { pending: 0, posted: 2, failed: 1, replies: 4, reactions: 7 };
    const s = sources({ announcements: [{ announcement, at: utc('11-20T09:00'), counts }] });
    expect(compileCustomerDigest(s).announcements).toEqual([
      { title: 'Release 4.2', at: utc('11-20T09:00') },
    ]);
    expect(compileInternalDigest(s).announcements).toEqual([
      { title: 'Release 4.2', at: utc('11-20T09:00'), reached: 2, failed: 1 },
    ]);
  });
});

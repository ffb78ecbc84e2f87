import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../../src/domain/actors.js';
import type { Ask, AskKind, AskStatus, HistoryEntry, Urgency } from '../../../../src/domain/asks/ask.js';
import type { Feedback } from '../../../../src/domain/feedback/feedback.js';
import { compileValueReport } from '../../../../src/domain/reports/compile-value-report.js';
import type { ReportSources } from '../../../../src/domain/reports/value-report.js';
import type { Stakeholder } from '../../../../src/domain/stakeholders/stakeholder.js';
import { anApproval } from '../../../support/approval-fixture.js';
import { anAsk } from '../../../support/ask-fixture.js';
import { aPartnership } from '../../../support/partnership-fixture.js';

// Acme works Mon–Fri 09:00–17:00 Europe/Berlin, which is 08:00–16:00 UTC in March 2026 (before the
// change to summer time on 29 March). Default targets: first response urgent 60, high 240, normal 480,
// low 960 business minutes; resolution 2400 (five business days). The period is the week of Monday
// 9 March, Berlin time: [Sun 8 March 23:00 UTC, Fri 13 March 23:00 UTC).
const partnership = aPartnership();
const period = {
  start: new Date('2026-03-08T23:00:00Z'),
  end: new Date('2026-03-13T23:00:00Z'),
  label: 'the week of 9 Mar 2026',
  toDate: false,
};
const V1: Actor = { userId: 'UVENDOR1', teamId: 'TV', side: 'vendor' };
const C1: Actor = { userId: 'UCUST1', teamId: 'TC', side: 'customer' };
const C2: Actor = { userId: 'UCUST2', teamId: 'TC', side: 'customer' };
const t = (iso: string) => new Date(`2026-03-${iso}:00Z`);

type Event = [at: string, by: Actor, action: HistoryEntry['action'], from: string | null, to: string | null];

/** An ask built from its events; its status, owner and promise are what the last events made them. */
function ask(
  number: number,
  kind: AskKind,
  created: [at: string, by: Actor, urgency?: Urgency],
  events: Event[],
  extra: Partial<Ask> = {},
): Ask {
  const [at, by, urgency] = created;
  const initial: AskStatus = kind === 'enhancement' ? 'submitted' : 'open';
  const history: HistoryEntry[] = [
    { at: t(at), by, action: 'created', from: null, to: initial, note: null },
    ...events.map(([when, who, action, from, to]) => ({
      at: t(when),
      by: who,
      action,
      from,
      to,
      note: null,
    })),
  ];
  const last = (action: HistoryEntry['action']) => history.findLast((h) => h.action === action);
  const base = anAsk();
  return {
    ...base,
    id: `ask-${number}`,
    partnershipId: partnership.id,
    number,
    ref: `ACME-${number}`,
    kind,
    content: { ...base.content, title: `Ask ${number}`, urgency: urgency ?? null },
    requester: by,
    ownerId: kind === 'vendor' ? C1.userId : V1.userId,
    status: (last('status')?.to ?? initial) as AskStatus,
    promisedDate: last('promised_date')?.to ?? null,
    history,
    createdAt: t(at),
    updatedAt: history.at(-1)?.at ?? t(at),
    ...extra,
  };
}

const asks: Ask[] = [
  // E1: shipped in the period, a day before its promised date (kept).
  ask(
    1,
    'enhancement',
    ['02T09:00', C1],
    [
      ['02T10:00', V1, 'status', 'submitted', 'under_review'],
      ['03T09:00', V1, 'status', 'under_review', 'planned'],
      ['03T09:00', V1, 'promised_date', null, '2026-03-12'],
      ['11T14:00', V1, 'status', 'planned', 'shipped'],
    ],
  ),
  // E3: promised for 10 March, still in progress at the end (missed); re-promised after the period.
  ask(
    2,
    'enhancement',
    ['02T09:00', C1],
    [
      ['02T11:00', V1, 'status', 'submitted', 'under_review'],
      ['03T09:00', V1, 'status', 'under_review', 'planned'],
      ['03T09:00', V1, 'promised_date', null, '2026-03-10'],
      ['05T09:00', V1, 'status', 'planned', 'in_progress'],
      ['16T09:00', V1, 'promised_date', '2026-03-10', '2026-03-20'],
    ],
  ),
  // A3: raised the week before, answered late (before the period), resolved in it after its resolution target.
  ask(
    3,
    'help',
    ['03T08:00', C1, 'normal'],
    [
      ['04T09:00', V1, 'note', null, null],
      ['11T09:00', V1, 'status', 'open', 'resolved'],
    ],
  ),
  // A1: urgent, acknowledged after 20 minutes, resolved after two hours; reassigned after the period.
  ask(
    4,
    'help',
    ['09T08:00', C1, 'urgent'],
    [
      ['09T08:20', V1, 'status', 'open', 'acknowledged'],
      ['09T10:00', V1, 'status', 'acknowledged', 'resolved'],
      ['16T09:00', V1, 'owner', V1.userId, 'UVENDOR2'],
    ],
  ),
  // V: a request to the customer, answered and resolved by the customer contact.
  ask(
    5,
    'vendor',
    ['09T09:00', V1],
    [
      ['09T10:00', C1, 'status', 'open', 'in_progress'],
      ['10T08:30', C1, 'status', 'in_progress', 'resolved'],
    ],
  ),
  // A2: high, first answered by a thread reply, paused while waiting on the customer, then resolved.
  ask(
    6,
    'help',
    ['09T15:00', C2, 'high'],
    [
      ['10T10:00', V1, 'status', 'open', 'waiting_on_customer'],
      ['12T08:00', V1, 'status', 'waiting_on_customer', 'in_progress'],
      ['13T12:00', V1, 'status', 'in_progress', 'resolved'],
    ],
    { threadReplies: { firstAt: t('10T09:00'), lastAt: t('12T10:00') } },
  ),
  // E2: no first response within a business day, then declined.
  ask(7, 'enhancement', ['10T08:00', C2], [['12T09:00', V1, 'status', 'submitted', 'declined']]),
  // A5: urgent, withdrawn by the customer before its target passed: no breach.
  ask(8, 'help', ['11T08:00', C1, 'urgent'], [['11T08:30', C1, 'status', 'open', 'withdrawn']]),
  // A4: low, unanswered when the period ends (the reply after it does not count for this period).
  ask(9, 'help', ['12T08:00', C1, 'low'], [], {
    threadReplies: { firstAt: t('16T08:30'), lastAt: t('16T08:30') },
  }),
  // X: everything happened the week before; read because something touched it since. Not counted.
  ask(10, 'help', ['02T09:00', C1, 'normal'], [['02T10:00', V1, 'status', 'open', 'resolved']], {
    updatedAt: t('10T12:00'),
  }),
  // Y: raised after the period. Not counted.
  ask(11, 'help', ['16T09:00', C1, 'urgent'], []),
];

const rating = (askId: string, value: Feedback['rating'], ratedAt: string | null): Feedback => ({
  askId,
  ref: askId.replace('ask', 'ACME'),
  partnershipId: partnership.id,
  userId: C1.userId,
  askedAt: t('02T12:00'),
  rating: value,
  comment: null,
  ratedAt: ratedAt === null ? null : t(ratedAt),
});

const person = (userId: string, side: Stakeholder['side'], lastActiveAt: Date | null): Stakeholder => ({
  partnershipId: partnership.id,
  userId,
  side,
  teamId: side === 'vendor' ? 'TV' : 'TC',
  role: null,
  customRole: null,
  active: true,
  firstSeenAt: t('02T09:00'),
  lastActiveAt,
  goneAt: null,
  goneReason: null,
});

const sources: ReportSources = {
  partnership,
  period,
  asks,
  ratings: [
    rating('ask-4', 'good', '09T11:00'),
    rating('ask-6', 'bad', '13T13:00'),
    rating('ask-10', 'good', '06T12:00'), // before the period
    rating('ask-3', null, null), // asked, never rated
  ],
  approvals: [
    anApproval({ id: 'AP1', title: 'Go live', state: 'approved', settledAt: t('10T12:00') }),
    anApproval({ id: 'AP2', title: 'Cut-over', state: 'rejected', settledAt: t('12T12:00') }),
    anApproval({ id: 'AP3', title: 'Budget', state: 'expired', settledAt: t('11T12:00') }),
    anApproval({ id: 'AP4', title: 'Pilot', state: 'withdrawn', settledAt: t('12T13:00') }),
    anApproval({ id: 'AP5', title: 'Later', state: 'approved', settledAt: t('13T23:00') }), // at the end: out
  ],
  stakeholders: [
    person('UVENDOR1', 'vendor', t('10T12:00')),
    person('UVENDOR2', 'vendor', t('14T01:00')), // active after the period only (as far as is kept)
    person('UCUST1', 'customer', t('13T20:00')), // 21:00 Friday in Berlin: in
    person('UCUST2', 'customer', t('08T22:59')), // 23:59 Sunday in Berlin: before
    person('UCUST3', 'customer', null), // only seen joining
    {
      ...person('UCUST4', 'customer', t('12T09:00')),
      active: false,
      goneAt: t('12T10:00'),
      goneReason: 'left',
    },
  ],
};

describe('compileValueReport: a hand-computed week', () => {
  const report = compileValueReport(sources);

  it('counts asks raised, resolved, closed otherwise and open at the end, by kind', () => {
    expect(report.kinds).toEqual([
      // raised in the period: ACME-4, -6, -8, -9; resolved: -3, -4, -6; withdrawn: -8; open at the end: -9
      { kind: 'help', raised: 4, resolved: 3, closedOtherwise: 1, openAtEnd: 1 },
      // raised: -7; shipped: -1; declined: -7; open at the end: -2
      { kind: 'enhancement', raised: 1, resolved: 1, closedOtherwise: 1, openAtEnd: 1 },
      { kind: 'vendor', raised: 1, resolved: 1, closedOtherwise: 0, openAtEnd: 0 },
    ]);
  });

  it('measures first responses and resolutions in business minutes, nearest-rank median and p90', () => {
    // First answered in the period (help and enhancements):
    //   ACME-4: Mon 08:00 -> 08:20                                   =   20
    //   ACME-6: Mon 15:00 -> Tue 09:00 (thread reply) = 60 + 60       =  120
    //   ACME-7: Tue 08:00 -> Thu 09:00 (declined) = 480 + 480 + 60    = 1020
    // sorted [20, 120, 1020]: median rank ceil(3 * 0.5) = 2 -> 120; p90 rank ceil(3 * 0.9) = 3 -> 1020
    expect(report.firstResponse).toEqual({ count: 3, medianMinutes: 120, p90Minutes: 1020 });
    // Help requests resolved in the period:
    //   ACME-4: Mon 08:00 -> 10:00                                               =  120
    //   ACME-6: Mon 15:00-16:00 (60) + Tue 08:00-10:00 (120), paused until Thu 08:00,
    //           Thu 08:00-16:00 (480) + Fri 08:00-12:00 (240)                     =  900
    //   ACME-3: Tue 3 Mar 08:00 -> Wed 11 Mar 09:00: six full days (6 * 480) + 60 = 2940
    // sorted [120, 900, 2940]: median rank 2 -> 900; p90 rank 3 -> 2940
    expect(report.resolution).toEqual({ count: 3, medianMinutes: 900, p90Minutes: 2940 });
  });

  it('finds the targets that passed unmet in the period, in the order they passed', () => {
    expect(report.breaches.map((b) => [b.ask.ref, b.target, b.at.toISOString()])).toEqual([
      // ACME-3: 2400 running minutes from Tue 3 Mar 08:00 = five business days -> Mon 9 Mar 16:00
      ['ACME-3', 'resolution', '2026-03-09T16:00:00.000Z'],
      // ACME-7: normal (480) from Tue 08:00 -> Tue 16:00, first answered on Thursday
      ['ACME-7', 'first_response', '2026-03-10T16:00:00.000Z'],
      // ACME-9: low (960) from Thu 08:00 -> Fri 16:00, not answered by the end
      ['ACME-9', 'first_response', '2026-03-13T16:00:00.000Z'],
    ]);
    // ACME-3's late first response (due Tue 3 Mar 16:00) passed before the period: not counted here.
  });

  it('reports shipped enhancements, promises kept and missed as of the end, ratings, sign-offs and people', () => {
    expect(report.shipped).toEqual([{ ref: 'ACME-1', title: 'Ask 1', kind: 'enhancement' }]);
    expect(report.promises).toEqual({
      kept: [{ ref: 'ACME-1', title: 'Ask 1', kind: 'enhancement', promisedDate: '2026-03-12' }],
      missed: [{ ref: 'ACME-2', title: 'Ask 2', kind: 'enhancement', promisedDate: '2026-03-10' }],
    });
    expect(report.ratings).toEqual({ good: 1, bad: 1 });
    expect(report.approvals.approved.map((a) => a.title)).toEqual(['Go live']);
    expect(report.approvals.rejected.map((a) => a.title)).toEqual(['Cut-over']);
    expect(report.approvals.expired).toBe(1);
    // vendor: UVENDOR1; customer: UCUST1 and UCUST4 (who left after being active)
    expect(report.activePeople).toEqual({ vendor: 1, customer: 2 });
  });

  it('lists one row per ask counted, as it stood at the end of the period', () => {
    expect(report.rows.map((r) => r.ref)).toEqual([
      'ACME-1',
      'ACME-2',
      'ACME-3',
      'ACME-4',
      'ACME-5',
      'ACME-6',
      'ACME-7',
      'ACME-8',
      'ACME-9',
    ]);
    const row = (ref: string) => report.rows.find((r) => r.ref === ref);
    expect(row('ACME-3')).toEqual({
      ref: 'ACME-3',
      title: 'Ask 3',
      kind: 'help',
      status: 'resolved',
      urgency: 'normal',
      requesterId: C1.userId,
      requesterSide: 'customer',
      ownerId: V1.userId,
      raisedAt: t('03T08:00'),
      firstResponseAt: t('04T09:00'),
      resolvedAt: t('11T09:00'),
      firstResponseMinutes: 540, // Tue 480 + Wed 60
      resolutionMinutes: 2940,
      promisedDate: null,
      missed: ['resolution'],
    });
    // Reassigned after the period: the owner at its end.
    expect(row('ACME-4')).toMatchObject({ ownerId: V1.userId, missed: [] });
    // Re-promised after the period: the promise at its end.
    expect(row('ACME-2')).toMatchObject({ status: 'in_progress', promisedDate: '2026-03-10', missed: [] });
    // Shipping time: Mon 2 Mar 09:00-16:00 (420) + four days (1920) + Mon, Tue (960) + Wed 08:00-14:00 (360)
    expect(row('ACME-1')).toMatchObject({ resolvedAt: t('11T14:00'), resolutionMinutes: 3660 });
    // A request to the customer owes the vendor no target; its times are the customer's.
    expect(row('ACME-5')).toMatchObject({
      urgency: null,
      missed: null,
      firstResponseMinutes: 60,
      resolutionMinutes: 450, // Mon 09:00-16:00 (420) + Tue 08:00-08:30 (30)
    });
    // The reply after the period is not part of it.
    expect(row('ACME-9')).toMatchObject({
      status: 'open',
      firstResponseAt: null,
      missed: ['first_response'],
    });
    expect(row('ACME-8')).toMatchObject({ status: 'withdrawn', missed: [], resolvedAt: null });
  });

  it('reads the same whenever it is made: what happened after the period changes nothing', () => {
    // The asks as they were stored at the end of the period, written out by hand.
    const asStored = sources.asks
      .filter((a) => a.createdAt < period.end)
      .map((a) => {
        const history = a.history.filter((h) => h.at < period.end);
        const last = (action: HistoryEntry['action']) => history.findLast((h) => h.action === action);
        return {
          ...a,
          history,
          status: (last('status')?.to ?? a.history[0]?.to) as AskStatus,
          promisedDate: last('promised_date')?.to ?? null,
          ownerId: a.ref === 'ACME-4' ? V1.userId : a.ownerId,
          threadReplies: a.ref === 'ACME-9' ? null : a.threadReplies,
        };
      });
    expect(compileValueReport({ ...sources, asks: asStored })).toEqual(report);
  });
});

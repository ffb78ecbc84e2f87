import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Breach, ReportApproval, ValueReport } from '../../../src/domain/reports/value-report.js';
import { validateMessage } from '../../../src/playground/slack-simulator/index.js';
import { buildReportMessage } from '../../../src/slack/reports/report-message.js';
import { buildCsvFailed, buildPeriodProblem } from '../../../src/slack/reports/report-notices.js';
import type { MessageContent } from '../../../src/slack/shared/blocks.js';
import { hostileText, mrkdwnTexts, PINGS } from '../../support/hostile-text.js';
import { aRow, aValueReport } from '../domain/reports/report-fixture.js';

const all = (m: MessageContent) => mrkdwnTexts(m).join('\n');
const SENDING = { kind: 'sending', rows: 1 } as const;

function busyReport(n: number, title: (i: number) => string, accountName = 'Acme Corp'): ValueReport {
  const ask = (i: number) => ({ ref: `ACME-${i}`, title: title(i), kind: 'help' as const });
  const at = new Date('2026-11-10T10:00:00Z');
  return aValueReport({
    accountName,
    breaches: Array.from({ length: n }, (_, i): Breach => ({ ask: ask(i), target: 'first_response', at })),
    shipped: Array.from({ length: n }, (_, i) => ({ ...ask(i), kind: 'enhancement' as const })),
    promises: {
      kept: Array.from({ length: n }, (_, i) => ({ ...ask(i), promisedDate: '2026-11-20' })),
      missed: Array.from({ length: n }, (_, i) => ({ ...ask(i), promisedDate: '2026-11-21' })),
    },
    approvals: {
      approved: Array.from(
        { length: n },
        (_, i): ReportApproval => ({ title: title(i), state: 'approved', settledAt: at }),
      ),
      rejected: [],
      expired: 2,
    },
    ratings: { good: 3, bad: 1 },
    activePeople: { vendor: 2, customer: 1 },
    rows: Array.from({ length: n }, () => aRow()),
  });
}

describe('the value report message', () => {
  it('shows every figure with its definition, and where the CSV goes', () => {
    const report = aValueReport({
      kinds: [
        { kind: 'help', raised: 4, resolved: 3, closedOtherwise: 1, openAtEnd: 1 },
        { kind: 'enhancement', raised: 1, resolved: 1, closedOtherwise: 1, openAtEnd: 1 },
        { kind: 'vendor', raised: 1, resolved: 1, closedOtherwise: 0, openAtEnd: 0 },
      ],
      firstResponse: { count: 3, medianMinutes: 120, p90Minutes: 1020 },
      resolution: { count: 3, medianMinutes: 900, p90Minutes: 2940 },
      breaches: [
        {
          ask: { ref: 'ACME-3', title: 'Slow export', kind: 'help' },
          target: 'resolution',
          at: new Date('2026-11-09T16:00:00Z'),
        },
      ],
      ratings: { good: 3, bad: 1 },
      activePeople: { vendor: 1, customer: 2 },
    });
    const message = buildReportMessage(report, { kind: 'sending', rows: 9 });
    const text = all(message);

    expect(message.text).toBe(
      'Value report for Acme Corp, November 2026: 6 raised, 5 resolved or shipped, 1 target missed.',
    );
    expect(text).toContain('November 2026: 1 Nov 2026 – 30 Nov 2026 (Europe/Berlin)');
    expect(text).toContain('• Help requests: 4 raised · 3 resolved · 1 withdrawn · 1 open at the end');
    expect(text).toContain(
      '• Enhancements: 1 raised · 1 shipped · 1 declined or withdrawn · 1 open at the end',
    );
    expect(text).toContain('• Requests to the customer: 1 raised · 1 resolved · 0 open at the end');
    expect(text).toContain(
      '• First response: median 2 business hours · 90th percentile 17 business hours (3 asks answered)',
    );
    expect(text).toContain(
      '• Resolution of help requests: median 15 business hours · 90th percentile 49 business hours (3 asks resolved)',
    );
    expect(text).toContain('*Response targets missed: 1* (0 first response, 1 resolution)');
    expect(text).toContain('• *ACME-3* Slow export: resolution, due 9 Nov 17:00');
    expect(text).toContain('3 :+1: · 1 :-1: (75% good, 4 ratings)');
    expect(text).toContain('1 person at the vendor · 2 people at the customer');
    expect(text).toContain('nearest-rank');
    expect(text).toContain('urgent requests within 1 business hour, high within 4 business hours');
    expect(text).toContain('resolved within 40 business hours of running time');
    expect(text).toContain('Mon–Fri 09:00–17:00 Europe/Berlin');
    expect(text).toContain('The CSV of the period’s asks (9 rows) is on its way to you by direct message.');
    expect(validateMessage(message)).toEqual([]);
  });

  it('says when a period is cut at now, when Rapport started late in it, and shows times for partial days', () => {
    const report = aValueReport({
      period: {
        start: new Date('2026-09-19T09:00:00Z'),
        end: new Date('2026-10-19T10:00:00Z'),
        label: 'the last 30 days',
        toDate: true,
      },
      since: new Date('2026-10-01T08:00:00Z'),
    });
    const text = all(buildReportMessage(report, SENDING));
    expect(text).toContain(
      'the last 30 days (so far): 19 Sep 2026 11:00 – 19 Oct 2026 12:00 (Europe/Berlin)',
    );
    expect(text).toContain(
      'Rapport started recording for Acme Corp on 1 Oct 2026: nothing before that is counted.',
    );
  });

  it('explains an empty period instead of a page of zeros', () => {
    const empty = aValueReport({
      kinds: [],
      rows: [],
      firstResponse: { count: 0, medianMinutes: null, p90Minutes: null },
      resolution: { count: 0, medianMinutes: null, p90Minutes: null },
    });
    const message = buildReportMessage(empty, { kind: 'none' });
    expect(message.text).toBe('Value report for Acme Corp, November 2026: nothing to report.');
    expect(all(message)).toContain('Nothing to report for this period');
    expect(message.blocks).toHaveLength(2);
  });

  it('stays within Block Kit limits however many items and however long the titles', () => {
    const message = buildReportMessage(
      busyReport(500, (i) => `Title ${i} ${'x'.repeat(400)}`, 'A'.repeat(500)),
      SENDING,
    );
    expect(validateMessage(message)).toEqual([]);
    expect(message.blocks.length).toBeLessThanOrEqual(14);
    expect(all(message)).toContain('…and 490 more (all in the CSV)');
  });

  it('escapes everything people typed: account name, titles and sign-offs never ping or link', () => {
    fc.assert(
      fc.property(hostileText(8), hostileText(8), (account, title) => {
        const message = buildReportMessage(
          busyReport(3, () => title, account),
          SENDING,
        );
        for (const text of mrkdwnTexts(message)) expect(text).not.toMatch(PINGS);
        expect(validateMessage(message)).toEqual([]);
      }),
    );
  });
});

describe('report notices', () => {
  it('explains a refused period with the periods it understands, escaping the input', () => {
    const unknown = buildPeriodProblem({ code: 'unknown', input: '<!channel> soon' }, 'Europe/Berlin');
    expect(unknown.text).toBe('I can’t read `&lt;!channel&gt; soon` as a period.');
    expect(all(unknown)).toContain('periods are read in Europe/Berlin');
    expect(all(unknown)).toContain('`2026-11-02..2026-11-06` (both days included)');
    for (const text of mrkdwnTexts(unknown)) expect(text).not.toMatch(PINGS);

    const future = buildPeriodProblem(
      { code: 'future', start: new Date('2026-11-30T23:00:00Z'), label: 'December 2026' },
      'Europe/Berlin',
    );
    expect(future.text).toBe(
      'December 2026 hasn’t started yet: it starts on 1 Dec 2026 (Europe/Berlin). Pick a period that has begun.',
    );
    expect(buildPeriodProblem({ code: 'too_long', days: 400 }, 'UTC').text).toBe(
      'That is 400 days; a report covers at most 366.',
    );
    expect(buildPeriodProblem({ code: 'reversed', input: '2026-11-06..2026-11-02' }, 'UTC').text).toBe(
      'That range ends before it starts: `2026-11-06..2026-11-02`.',
    );
    expect(buildPeriodProblem({ code: 'no_such_date', input: '2026-02-30' }, 'UTC').text).toBe(
      'There is no such date: `2026-02-30`.',
    );
  });

  it('tells the user that the report worked when the CSV did not, with the reason', () => {
    const failed = buildCsvFailed('not_allowed <@U0EVIL>');
    expect(failed.text).toContain('The report above worked, but its CSV could not be uploaded');
    expect(failed.text).toContain('`not_allowed &lt;@U0EVIL&gt;`');
    expect(validateMessage(failed)).toEqual([]);
  });
});

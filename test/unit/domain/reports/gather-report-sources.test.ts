import { describe, expect, it } from 'vitest';
import { OPEN_STATUSES } from '../../../../src/domain/digests/digest-sources.js';
import type { Repositories } from '../../../../src/domain/ports.js';
import { gatherReportSources } from '../../../../src/domain/reports/gather-report-sources.js';
import { aPartnership } from '../../../support/partnership-fixture.js';

describe('gatherReportSources', () => {
  it('reads a period with four queries, bounded by the period, whatever the partnership holds', async () => {
    const calls: string[] = [];
    const record =
      (name: string) =>
      async (...args: unknown[]) => {
        calls.push(
          `${name}(${args.map((a) => (a instanceof Date ? a.toISOString() : JSON.stringify(a))).join(', ')})`,
        );
        return [];
      };
    const repos = {
      asks: { listActive: record('asks.listActive') },
      feedback: { listRatedSince: record('feedback.listRatedSince') },
      approvals: { listSettledBetween: record('approvals.listSettledBetween') },
      stakeholders: { listByPartnership: record('stakeholders.listByPartnership') },
    } as unknown as Pick<Repositories, 'asks' | 'feedback' | 'approvals' | 'stakeholders'>;
    const partnership = aPartnership({ id: 'p-acme', channelId: 'CACME' });
    const period = {
      start: new Date('2026-10-31T23:00:00Z'),
      end: new Date('2026-11-30T23:00:00Z'),
      label: 'November 2026',
      toDate: false,
    };

    const sources = await gatherReportSources(repos, partnership, period);

    expect(calls.sort()).toEqual([
      'approvals.listSettledBetween("CACME", 2026-10-31T23:00:00.000Z, 2026-11-30T23:00:00.000Z)',
      `asks.listActive("p-acme", ${JSON.stringify(OPEN_STATUSES)}, 2026-10-31T23:00:00.000Z)`,
      'feedback.listRatedSince("p-acme", 2026-10-31T23:00:00.000Z)',
      'stakeholders.listByPartnership("p-acme")',
    ]);
    expect(sources).toEqual({ partnership, period, asks: [], ratings: [], approvals: [], stakeholders: [] });
  });
});

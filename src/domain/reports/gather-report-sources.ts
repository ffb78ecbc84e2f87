import { OPEN_STATUSES } from '../digests/digest-sources.js';
import type { Partnership } from '../partnerships/partnership.js';
import type { Repositories } from '../ports.js';
import type { ReportPeriod } from './report-period.js';
import type { ReportSources } from './value-report.js';

/**
 * Reads what a value report needs with four queries, however many asks the partnership has: every ask
 * that could have been raised, answered, resolved or overdue in the period is open now or was changed
 * since it started; ratings since its start; the channel's approvals settled in it; the stakeholder map.
 */
export async function gatherReportSources(
  repos: Pick<Repositories, 'asks' | 'feedback' | 'approvals' | 'stakeholders'>,
  partnership: Partnership,
  period: ReportPeriod,
): Promise<ReportSources> {
  const [asks, ratings, approvals, stakeholders] = await Promise.all([
    repos.asks.listActive(partnership.id, OPEN_STATUSES, period.start),
    repos.feedback.listRatedSince(partnership.id, period.start),
    repos.approvals.listSettledBetween(partnership.channelId, period.start, period.end),
    repos.stakeholders.listByPartnership(partnership.id),
  ]);
  return { partnership, period, asks, ratings, approvals, stakeholders };
}

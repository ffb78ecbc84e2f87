import { compileValueReport } from '../../domain/reports/compile-value-report.js';
import { gatherReportSources } from '../../domain/reports/gather-report-sources.js';
import { parseReportPeriod } from '../../domain/reports/report-period.js';
import type { SlackDeps } from '../bolt/deps.js';
import type { CommandArgs } from '../commands/command-args.js';
import { vendorPartnership } from '../setup/vendor-partnership.js';
import { buildReportMessage } from './report-message.js';
import { buildCsvFailed, buildPeriodProblem, REPORT_REFUSAL } from './report-notices.js';
import { sendReportCsv } from './send-report-csv.js';

/**
 * `/rapport report [period]`: the partnership's value report, privately, for the vendor side; then its
 * asks as CSV in the user's direct messages. The router has acked already, so the work runs after.
 */
export async function showReport(deps: SlackDeps, args: CommandArgs, rest: string): Promise<void> {
  const { command, respond, client } = args;
  const partnership = await vendorPartnership(deps, args, REPORT_REFUSAL);
  if (!partnership) return;
  const period = parseReportPeriod(rest, deps.clock.now(), partnership.timeZone);
  if (!period.ok) {
    await respond({ response_type: 'ephemeral', ...buildPeriodProblem(period.error, partnership.timeZone) });
    return;
  }
  const report = compileValueReport(await gatherReportSources(deps.repositories, partnership, period.value));
  const rows = report.rows.length;
  await respond({
    response_type: 'ephemeral',
    ...buildReportMessage(report, rows > 0 ? { kind: 'sending', rows } : { kind: 'none' }),
  });
  if (rows === 0) return;
  const sent = await sendReportCsv(client, deps.directory, command.user_id, report);
  if (sent.ok) return;
  deps.logger.event('warn', 'value report CSV upload failed', {
    partnershipId: partnership.id,
    userId: command.user_id,
    reason: sent.error,
  });
  await respond({ response_type: 'ephemeral', ...buildCsvFailed(sent.error) });
}

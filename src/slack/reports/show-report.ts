import { compileValueReport } from '../../domain/reports/compile-value-report.js';
import { gatherReportSources } from '../../domain/reports/gather-report-sources.js';
import { parseReportPeriod } from '../../domain/reports/report-period.js';
import type { SlackDeps } from '../bolt/deps.js';
import type { PartnershipContext } from '../bolt/rapport-context.js';
import type { CommandArgs } from '../commands/command-args.js';
import { buildReportMessage } from './report-message.js';
import { buildCsvFailed, buildPeriodProblem } from './report-notices.js';
import { sendReportCsv } from './send-report-csv.js';

/**
 * `/rapport report [period]` in a partnership channel, for people at the vendor: the partnership's value
 * report, privately; then its asks as CSV in the user's direct messages. The work runs after the ack.
 */
export const showReport =
  (deps: SlackDeps) =>
  async ({ command, respond, client, context }: CommandArgs<PartnershipContext>): Promise<void> => {
    const { partnership, workspace } = context;
    const period = parseReportPeriod(context.subcommandText, deps.clock.now(), partnership.timeZone);
    if (!period.ok) {
      await respond({
        response_type: 'ephemeral',
        ...buildPeriodProblem(period.error, partnership.timeZone),
      });
      return;
    }
    const sources = await gatherReportSources(workspace.repositories, partnership, period.value);
    const report = compileValueReport(sources);
    const rows = report.rows.length;
    await respond({
      response_type: 'ephemeral',
      ...buildReportMessage(report, rows > 0 ? { kind: 'sending', rows } : { kind: 'none' }),
    });
    if (rows === 0) return;
    const sent = await sendReportCsv(client, workspace.directory, command.user_id, report);
    if (sent.ok) return;
    context.log.event('warn', 'value report CSV upload failed', {
      partnershipId: partnership.id,
      userId: command.user_id,
      reason: sent.error,
    });
    await respond({ response_type: 'ephemeral', ...buildCsvFailed(sent.error) });
  };

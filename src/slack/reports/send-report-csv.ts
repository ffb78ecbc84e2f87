import type { WebClient } from '@slack/web-api';
import type { ValueReport } from '../../domain/reports/value-report.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { SlackDirectory } from '../bolt/directory.js';
import { safeText } from '../shared/escape.js';
import { buildReportCsv, peopleInRows, reportFileName } from './report-csv.js';

/** The uploaded CSV: its name, and the direct message channel it went to. */
export interface SentCsv {
  channelId: string;
  filename: string;
}

/**
 * Uploads the period's asks as CSV into the user's direct message with Rapport (files.uploadV2; only they
 * see it until they share it). Resolves to Slack's reason when the upload fails, never throws.
 */
export async function sendReportCsv(
  client: WebClient,
  directory: Pick<SlackDirectory, 'user'>,
  userId: string,
  report: ValueReport,
): Promise<Result<SentCsv, string>> {
  try {
    const names = new Map<string, string>();
    // Names are cached by the directory, and a partnership has a handful of requesters and owners; a
    // person Slack cannot describe appears by their user id.
    await Promise.all(
      peopleInRows(report.rows).map(async (id) => {
        const facts = await directory.user(id).catch(() => null);
        if (facts) names.set(id, facts.name);
      }),
    );
    const opened = await client.conversations.open({ users: userId });
    const channelId = opened.channel?.id;
    if (!channelId) return fail('no_direct_message_channel');
    const filename = reportFileName(report);
    const account = safeText(report.accountName, 120);
    await client.filesUploadV2({
      channel_id: channelId,
      file: Buffer.from(buildReportCsv(report, names), 'utf8'),
      filename,
      title: `Value report · ${report.accountName.slice(0, 120)} · ${report.period.label}`,
      initial_comment:
        `The asks of ${account}’s value report for ${report.period.label}, one row each, as of the end of ` +
        'the period. Cells that begin with = + - or @ start with an apostrophe, so spreadsheets show them ' +
        'as text instead of running them.',
    });
    return ok({ channelId, filename });
  } catch (error) {
    return fail(reasonOf(error));
  }
}

/** Slack's error code when it gave one (`not_in_channel`), else the error's message. */
function reasonOf(error: unknown): string {
  const code = (error as { data?: { error?: unknown } }).data?.error;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}

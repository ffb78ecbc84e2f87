import { DateTime } from 'luxon';
import { MAX_PERIOD_DAYS, type PeriodError } from '../../domain/reports/report-period.js';
import { COMMAND } from '../commands/ids.js';
import { context, type MessageContent, section } from '../shared/blocks.js';
import { safeText } from '../shared/escape.js';

/** The periods `/rapport report` understands, as the help line and the usage answer list them. */
export const REPORT_PERIODS =
  '`7d`, `30d` (the default), `90d` or any number of days up to ' +
  `${MAX_PERIOD_DAYS}; \`this month\`, \`last month\`, \`this quarter\`, \`last quarter\`, ` +
  '`this week`, `last week`; `2026-11`, `2026-Q4`, `2026`; or `2026-11-02..2026-11-06` (both days included)';

const quoted = (input: string) => `\`${safeText(input.replace(/`/g, "'"), 60)}\``;

/** Why a period was refused, and how to write one, privately. */
export function buildPeriodProblem(error: PeriodError, timeZone: string): MessageContent {
  const problem = describeProblem(error, timeZone);
  const usage = `\`${COMMAND} report [period]\`: periods are read in ${timeZone}: ${REPORT_PERIODS}.`;
  return { text: problem, blocks: [section(problem), context(usage)] };
}

function describeProblem(error: PeriodError, timeZone: string): string {
  switch (error.code) {
    case 'unknown':
      return `I can’t read ${quoted(error.input)} as a period.`;
    case 'no_such_date':
      return `There is no such date: ${quoted(error.input)}.`;
    case 'reversed':
      return `That range ends before it starts: ${quoted(error.input)}.`;
    case 'too_long':
      return `That is ${error.days} days; a report covers at most ${MAX_PERIOD_DAYS}.`;
    case 'future': {
      const day = DateTime.fromJSDate(error.start, { zone: timeZone })
        .setLocale('en-US')
        .toFormat('d LLL yyyy');
      const label = error.label.charAt(0).toUpperCase() + error.label.slice(1);
      return `${label} hasn’t started yet: it starts on ${day} (${timeZone}). Pick a period that has begun.`;
    }
  }
}

export const REPORT_REFUSAL = 'Only people at the vendor can see value reports.';

/** The report was shown, but its CSV did not reach the user's direct messages. */
export function buildCsvFailed(reason: string): MessageContent {
  const text =
    `The report above worked, but its CSV could not be uploaded to your direct messages ` +
    `(${quoted(reason)}). Run the report again to retry; if it keeps failing, check that Rapport may ` +
    'open direct messages and upload files.';
  return { text, blocks: [section(text)] };
}

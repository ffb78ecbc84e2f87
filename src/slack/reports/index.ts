import type { SlackDeps } from '../bolt/deps.js';
import { identifyActor, onlyVendor } from '../bolt/identify-actor.js';
import { channelOfCommand, requirePartnership } from '../bolt/request-partnership.js';
import type { Subcommands } from '../commands/command-args.js';
import { REPORT_REFUSAL } from './report-notices.js';
import { showReport } from './show-report.js';

/** `/rapport report [period]`: the value report and its CSV; reports have no other listener. */
export const reportSubcommands = (deps: SlackDeps): Subcommands => ({
  report: [requirePartnership(channelOfCommand), identifyActor, onlyVendor(REPORT_REFUSAL), showReport(deps)],
});

import type { Subcommands } from '../commands/command-args.js';
import { showReport } from './show-report.js';

/** `/rapport report [period]`: the value report and its CSV; reports have no other listener. */
export const reportSubcommands: Subcommands = { report: showReport };

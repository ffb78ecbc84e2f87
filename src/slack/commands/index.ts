import { autoAcknowledge } from '@slack/bolt';
import type { Listeners } from '../bolt/listeners.js';
import type { Subcommands } from './command-args.js';
import { COMMAND } from './ids.js';
import { routeSubcommand } from './route-subcommand.js';

/** The `/rapport` command: acknowledged at once (Slack allows 3 s), then routed to the subcommand's chain. */
export function registerCommands(listeners: Listeners, subcommands: Subcommands): void {
  listeners.command(COMMAND, autoAcknowledge, routeSubcommand(subcommands));
}

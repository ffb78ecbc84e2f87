import type { App } from '@slack/bolt';
import type { SlackDeps } from '../bolt/deps.js';
import type { Subcommands } from './command-args.js';
import { handleRapportCommand } from './handle-rapport-command.js';
import { COMMAND } from './ids.js';

/** The `/rapport` command, routing to the subcommands the features export. */
export function registerCommands(app: App, deps: SlackDeps, subcommands: Subcommands): void {
  app.command(COMMAND, handleRapportCommand(deps, subcommands));
}

import { type App, autoAcknowledge } from '@slack/bolt';
import type { ListenerContext } from '../bolt/rapport-context.js';
import type { SubcommandContext, Subcommands } from './command-args.js';
import { COMMAND } from './ids.js';
import { matchNoSubcommandOf, matchSubcommand, showHelp } from './match-subcommand.js';

/**
 * The `/rapport` command: a listener per subcommand the features export, each acking at once (Slack
 * allows 3 s) before the rest of its chain; anything else gets usage help.
 */
export function registerCommands(app: App, subcommands: Subcommands): void {
  for (const [name, chain] of Object.entries(subcommands)) {
    app.command<ListenerContext & SubcommandContext>(
      COMMAND,
      matchSubcommand(name),
      autoAcknowledge,
      ...chain,
    );
  }
  app.command(COMMAND, matchNoSubcommandOf(Object.keys(subcommands)), autoAcknowledge, showHelp);
}

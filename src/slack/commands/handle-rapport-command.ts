import type { SlackDeps } from '../bolt/deps.js';
import type { CommandArgs, Subcommands } from './command-args.js';
import { buildHelpMessage } from './help-message.js';
import { parseCommandText } from './parse-command-text.js';

/** `/rapport <sub>`: acks at once (Slack allows 3 s), then routes; unknown input gets usage help. */
export const handleRapportCommand =
  (deps: SlackDeps, subcommands: Subcommands) =>
  async (args: CommandArgs): Promise<void> => {
    await args.ack();
    const { sub, rest } = parseCommandText(args.command.text);
    const run = Object.hasOwn(subcommands, sub) ? subcommands[sub] : undefined;
    if (run) return run(deps, args, rest);
    const help = buildHelpMessage(sub === '' || sub === 'help' ? undefined : sub);
    await args.respond({ response_type: 'ephemeral', ...help });
  };

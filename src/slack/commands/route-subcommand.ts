import type { SlackCommandMiddlewareArgs } from '@slack/bolt';
import { runChain } from '../bolt/listeners.js';
import type { Listener, RapportContext } from '../bolt/rapport-context.js';
import type { SubcommandContext, Subcommands } from './command-args.js';
import { buildHelpMessage } from './help-message.js';
import { parseCommandText } from './parse-command-text.js';

/**
 * The `/rapport` listener: finds the subcommand's chain by name and runs it with the text after the name
 * on its context (`context.subcommandText`); anything else gets usage help.
 */
export function routeSubcommand(subcommands: Subcommands): Listener<SlackCommandMiddlewareArgs> {
  const chains = new Map(Object.entries(subcommands));
  return async (args) => {
    const { sub, rest } = parseCommandText(args.command.text);
    const chain = chains.get(sub);
    if (chain === undefined) return showHelp(args);
    (args.context as RapportContext & SubcommandContext).subcommandText = rest;
    await runChain(chain as unknown as Parameters<typeof runChain>[0], args);
  };
}

/** Private usage help, naming the subcommand that was not recognised, if any. */
const showHelp: Listener<SlackCommandMiddlewareArgs> = async ({ command, respond }) => {
  const { sub } = parseCommandText(command.text);
  const help = buildHelpMessage(sub === '' || sub === 'help' ? undefined : sub);
  await respond({ response_type: 'ephemeral', ...help });
};

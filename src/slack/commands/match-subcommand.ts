import type { SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Listener } from '../bolt/rapport-context.js';
import { buildHelpMessage } from './help-message.js';
import { parseCommandText } from './parse-command-text.js';

/**
 * Listener middleware, as Bolt's matchCommandName: only `/rapport <name> ...` goes on, the text after
 * the name on its context (`context.subcommandText`).
 */
export const matchSubcommand =
  (name: string): Listener<SlackCommandMiddlewareArgs> =>
  async ({ command, context, next }) => {
    const { sub, rest } = parseCommandText(command.text);
    if (sub !== name) return;
    context.subcommandText = rest;
    await next();
  };

/** Listener middleware: only `/rapport`, `/rapport help` or a subcommand none of `known` goes on. */
export const matchNoSubcommandOf =
  (known: readonly string[]): Listener<SlackCommandMiddlewareArgs> =>
  async ({ command, next }) => {
    if (!known.includes(parseCommandText(command.text).sub)) await next();
  };

/** Private usage help, naming the subcommand that was not recognised, if any. */
export const showHelp: Listener<SlackCommandMiddlewareArgs> = async ({ command, respond }) => {
  const { sub } = parseCommandText(command.text);
  const help = buildHelpMessage(sub === '' || sub === 'help' ? undefined : sub);
  await respond({ response_type: 'ephemeral', ...help });
};

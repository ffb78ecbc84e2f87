import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Listener, ListenerContext, RapportContext } from '../bolt/rapport-context.js';

/** After routeSubcommand: what follows the subcommand's name in the command's text. */
export interface SubcommandContext extends RapportContext {
  subcommandText: string;
}

/** What Bolt hands a `/rapport <sub>` listener, with the facts `C` its middleware put on context. */
export type CommandArgs<C extends RapportContext = RapportContext> = SlackCommandMiddlewareArgs &
  AllMiddlewareArgs<C & SubcommandContext>;

/** One `/rapport <sub>`: its listener middleware, then its listener; they run after the ack. */
export type Subcommand = Listener<SlackCommandMiddlewareArgs, ListenerContext & SubcommandContext>[];

/** Subcommands by name; each feature exports its own, and registerCommands routes them all. */
export type Subcommands = Readonly<Record<string, Subcommand>>;

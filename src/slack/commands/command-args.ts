import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../bolt/deps.js';

/** What Bolt hands a `/rapport` listener; each subcommand receives it as it came. */
export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** One `/rapport <sub>`: called after the ack with the text that follows the subcommand's name. */
export type Subcommand = (deps: SlackDeps, args: CommandArgs, rest: string) => Promise<void>;

/** Subcommands by name; each feature exports its own, and registerListeners routes them all. */
export type Subcommands = Readonly<Record<string, Subcommand>>;

import {
  type App,
  autoAcknowledge,
  type BlockButtonAction,
  type SlackActionMiddlewareArgs,
  type SlackViewMiddlewareArgs,
  type ViewSubmitAction,
} from '@slack/bolt';
import type { AppLogger } from '../../logger.js';
import { guardSubmission } from './guarded-write.js';
import type { Listener, ListenerContext } from './rapport-context.js';

/** Listener middleware and, last, the listener: each reads from context what the ones before put there. */
export type Chain<Args> = Listener<Args, ListenerContext>[];

export type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction>;
export type SubmissionArgs = SlackViewMiddlewareArgs<ViewSubmitAction>;

/** A button: acknowledged at once, before anything is read, then its chain. */
export function onButton(app: App, actionId: string, ...chain: Chain<ButtonArgs>): void {
  app.action<BlockButtonAction, ListenerContext>(actionId, autoAcknowledge, ...chain);
}

/**
 * A form's submit: its listener acks, with inline errors or without; anything the chain throws before
 * that reaches the form as an inline error (guardSubmission).
 */
export function onSubmission(
  app: App,
  callbackId: string,
  logger: AppLogger,
  ...chain: Chain<SubmissionArgs>
): void {
  app.view<ViewSubmitAction, ListenerContext>(callbackId, guardSubmission(logger), ...chain);
}

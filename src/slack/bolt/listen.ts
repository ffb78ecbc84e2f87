import {
  autoAcknowledge,
  type BlockButtonAction,
  type SlackActionMiddlewareArgs,
  type SlackViewMiddlewareArgs,
  type ViewSubmitAction,
} from '@slack/bolt';
import { guardSubmission } from './guarded-write.js';
import type { Chain, Listeners } from './listeners.js';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction>;
export type SubmissionArgs = SlackViewMiddlewareArgs<ViewSubmitAction>;

/** A button: acknowledged at once, before anything is read, then its chain. */
export function onButton(listeners: Listeners, actionId: string, ...chain: Chain<ButtonArgs>): void {
  listeners.action<BlockButtonAction>(actionId, autoAcknowledge, ...chain);
}

/**
 * A form's submit: its listener acks, with inline errors or without; anything the chain throws before
 * that reaches the form as an inline error (guardSubmission).
 */
export function onSubmission(
  listeners: Listeners,
  callbackId: string,
  ...chain: Chain<SubmissionArgs>
): void {
  listeners.view(callbackId, guardSubmission(), ...chain);
}

import type { SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { type AppLogger, errorFields } from '../../logger.js';
import { firstInputBlockId } from '../shared/view-state.js';
import { newErrorRef } from './error-sink.js';
import type { Listener } from './rapport-context.js';

const couldNotSave = (ref: string) =>
  `Couldn’t save right now (reference ${ref}). Your input is kept: try again.`;

/**
 * Runs a store write before a view submission is acked. If it throws, the user sees an inline error
 * with a reference and keeps their input (the modal stays open); returns null in that case.
 */
export async function guardedWrite<T>(
  deps: { logger: AppLogger },
  fail: (message: string) => Promise<void>,
  write: () => Promise<T>,
): Promise<T | null> {
  try {
    return await write();
  } catch (error) {
    const ref = newErrorRef();
    deps.logger.event('error', 'a write failed before ack', { ref, ...errorFields(error) });
    await fail(couldNotSave(ref));
    return null;
  }
}

/**
 * Listener middleware, first on a view_submission: anything the rest of the chain throws before the ack
 * (a read of the store while the database is away, say) reaches the user the way a failed write does,
 * as an inline error with a reference on the form's first input, their input kept, instead of Slack's
 * generic "trouble connecting". Errors after the ack, and forms without an input, go on to the error sink.
 */
export function guardSubmission(): Listener<SlackViewMiddlewareArgs<ViewSubmitAction>> {
  return async ({ ack, view, context, next }) => {
    try {
      await next();
    } catch (error) {
      const blockId = firstInputBlockId(view);
      if (context.acknowledged() || !blockId) throw error;
      const ref = newErrorRef();
      context.log.event('error', 'a submission failed before ack', { ref, ...errorFields(error) });
      await ack({ response_action: 'errors', errors: { [blockId]: couldNotSave(ref) } });
    }
  };
}

import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { errorFields } from '../../logger.js';
import type { SlackDeps } from './deps.js';
import { newErrorRef } from './error-sink.js';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const couldNotSave = (ref: string) =>
  `Couldn’t save right now (reference ${ref}). Your input is kept: try again.`;

/**
 * Runs a store write before a view submission is acked. If it throws, the user sees an inline error
 * with a reference and keeps their input (the modal stays open); returns null in that case.
 */
export async function guardedWrite<T>(
  deps: Pick<SlackDeps, 'logger'>,
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
 * Wraps a view_submission listener so that anything it throws before its ack (a read of the store
 * while the database is away, say) reaches the user the way a failed write does: an inline error with
 * a reference on the form's first input, their input kept, instead of Slack's generic "trouble
 * connecting". Errors after the ack, and forms without an input, go on to the error sink.
 */
export function guardSubmission(
  deps: Pick<SlackDeps, 'logger'>,
  listener: (args: ViewArgs) => Promise<void>,
): (args: ViewArgs) => Promise<void> {
  return async (args) => {
    let acked = false;
    const ack: ViewArgs['ack'] = (response) => {
      acked = true;
      return args.ack(response);
    };
    try {
      await listener({ ...args, ack });
    } catch (error) {
      const blockId = args.view.blocks.find((block) => block.type === 'input')?.block_id;
      if (acked || !blockId) throw error;
      const ref = newErrorRef();
      deps.logger.event('error', 'a submission failed before ack', { ref, ...errorFields(error) });
      await args.ack({ response_action: 'errors', errors: { [blockId]: couldNotSave(ref) } });
    }
  };
}

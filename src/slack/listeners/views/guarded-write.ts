import { errorFields } from '../../../logger.js';
import type { SlackDeps } from '../../deps.js';
import { newErrorRef } from '../../error-sink.js';

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
    await fail(`Couldn’t save right now (reference ${ref}). Your input is kept: try again.`);
    return null;
  }
}

import type { AskActionError, NotTheRequester } from '../../domain/asks/ask-actions.js';
import { mention } from '../shared/mention.js';

/** A refused card button as whoever clicked reads it, privately. */
export function describeAskRefusal(error: AskActionError | NotTheRequester): string {
  if (error.code === 'not_found') return 'That request no longer exists.';
  if ('reason' in error)
    return `Only ${mention(error.requesterId)}, who raised ${error.ref}, can withdraw it.`;
  return error.message;
}

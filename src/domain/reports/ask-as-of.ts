import type { Ask, HistoryEntry } from '../asks/ask.js';

/**
 * The ask as it stood just before `at`, rebuilt from its history: status, owner and promised date, and
 * only the changes and thread replies made by then. A report of a past period therefore reads the same
 * whenever it is made, and the shared rules (first response, promises kept) apply to it unchanged.
 * Null when the ask did not exist yet.
 */
export function askAsOf(ask: Ask, at: Date): Ask | null {
  if (ask.createdAt >= at) return null;
  const history = ask.history.filter((h) => h.at < at);
  const replies = ask.threadReplies;
  return {
    ...ask,
    history,
    status: (history.findLast((h) => h.action === 'status' || h.action === 'created')?.to ??
      ask.status) as Ask['status'],
    ownerId: valueAsOf(ask.history, history, 'owner') ?? ask.ownerId,
    promisedDate: valueAsOf(ask.history, history, 'promised_date', ask.promisedDate),
    // Only the first and the latest reply are kept: a latest one after `at` stands in as the first.
    threadReplies:
      replies && replies.firstAt < at
        ? { firstAt: replies.firstAt, lastAt: replies.lastAt < at ? replies.lastAt : replies.firstAt }
        : null,
  };
}

/**
 * A field's value at the end of `before` (a prefix of `all`): the last change to it by then, else what
 * the first later change moved away from, else its current value.
 */
function valueAsOf(
  all: HistoryEntry[],
  before: HistoryEntry[],
  action: 'owner' | 'promised_date',
  current: string | null = null,
): string | null {
  const last = before.findLast((h) => h.action === action);
  if (last) return last.to;
  const next = all.find((h) => h.action === action);
  return next ? next.from : current;
}

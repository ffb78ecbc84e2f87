import type { Actor } from '../actors.js';
import type { AskRepository } from '../ports.js';
import type { AskStatus, AskSummary } from './ask.js';
import { LIFECYCLES } from './lifecycle.js';

export const ASK_LIST_FILTERS = ['open', 'mine', 'all'] as const;
export type AskListFilter = (typeof ASK_LIST_FILTERS)[number];

/** Every status that is not closed in some kind's lifecycle. */
const OPEN_STATUSES = [
  ...new Set(
    Object.values(LIFECYCLES)
      .flatMap((l) => [l.initial, ...Object.keys(l.next)] as AskStatus[])
      .filter((s) => !Object.values(LIFECYCLES).some((l) => l.closed.includes(s))),
  ),
];

/** One page of a partnership's asks as the viewer asked for them, newest first. */
export function listAsks(
  asks: AskRepository,
  request: { partnershipId: string; viewer: Actor; filter: AskListFilter; skip: number; limit: number },
): Promise<{ asks: AskSummary[]; total: number }> {
  const { partnershipId, viewer, filter, skip, limit } = request;
  const query =
    filter === 'open'
      ? { partnershipId, statuses: OPEN_STATUSES }
      : filter === 'mine'
        ? { partnershipId, requesterId: viewer.userId }
        : { partnershipId };
  return asks.list(query, { skip, limit });
}

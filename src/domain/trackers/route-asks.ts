import type { Actor } from '../actors.js';
import { changeByCompareAndSet } from '../compare-and-set.js';
import type { Partnership } from '../partnerships/partnership.js';
import type { Clock, PartnershipRepository } from '../ports.js';
import { fail, ok, type Result } from '../result.js';
import type { TrackedKind, TrackerRoute } from './tracker.js';

export type RouteError = { code: 'not_found' } | { code: 'forbidden'; message: string };

/** Where a partnership's asks of one kind go in the tracker (null: nowhere); vendor side only. */
export async function routeAsks(
  deps: { partnerships: PartnershipRepository; clock: Clock },
  request: { actor: Actor; partnershipId: string; kind: TrackedKind; route: TrackerRoute | null },
): Promise<Result<Partnership, RouteError>> {
  const { actor, kind, route } = request;
  if (actor.side !== 'vendor')
    return fail({ code: 'forbidden', message: 'Only people at the vendor can choose where requests go.' });
  const result = await changeByCompareAndSet<Partnership, never>(
    { store: deps.partnerships, clock: deps.clock, what: 'partnership' },
    request.partnershipId,
    10,
    (partnership, now) => {
      const { [kind]: _previous, ...others } = partnership.trackers;
      const trackers = route ? { ...others, [kind]: route } : others;
      return ok({ ...partnership, trackers, updatedBy: actor.userId, updatedAt: now });
    },
  );
  if (!result) return fail({ code: 'not_found' });
  return result.ok ? ok(result.value.after) : result;
}

import type { Actor } from '../actors.js';
import { changeByCompareAndSet } from '../compare-and-set.js';
import type { Clock, PartnershipRepository } from '../ports.js';
import { fail, ok, type Result } from '../result.js';
import type { Partnership } from './partnership.js';
import { checkTags } from './partnership-tags.js';

export type TagError = { code: 'not_found' } | { code: 'forbidden' | 'invalid'; message: string };

/** Replaces a partnership's tags; vendor side only (tags are internal segments). */
export async function tagPartnership(
  deps: { partnerships: PartnershipRepository; clock: Clock },
  request: { actor: Actor; partnershipId: string; tags: string[] },
): Promise<Result<Partnership, TagError>> {
  const { actor, tags } = request;
  if (actor.side !== 'vendor')
    return fail({ code: 'forbidden', message: 'Only people at the vendor can tag a partnership.' });
  const problem = checkTags(tags);
  if (problem !== null) return fail({ code: 'invalid', message: problem });
  const result = await changeByCompareAndSet<Partnership, never>(
    { store: deps.partnerships, clock: deps.clock, what: 'partnership' },
    request.partnershipId,
    10,
    (partnership, now) => ok({ ...partnership, tags, updatedBy: actor.userId, updatedAt: now }),
  );
  if (!result) return fail({ code: 'not_found' });
  return result.ok ? ok(result.value.after) : result;
}

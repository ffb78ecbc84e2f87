import type { Actor } from '../actors.js';
import type { AskRepository, Clock } from '../ports.js';
import { fail, ok, type Result } from '../result.js';
import { type AppliedChange, applyChange } from './apply-change.js';
import type { Ask } from './ask.js';
import { isClosed } from './lifecycle.js';

export type LinkError = { code: 'not_found' } | { code: 'forbidden' | 'invalid'; message: string };

type Deps = { asks: AskRepository; clock: Clock };

/** The enhancement to follow: by reference, as typed in `/rapport link`, or by id, from a suggestion. */
export type LinkTarget = { ref: string } | { id: string };

/**
 * Marks an enhancement as the same product change as one raised by another customer. Groups are
 * one level deep: linking to a follower links to the one it follows, and an enhancement that others
 * already follow cannot itself follow another.
 */
export async function linkEnhancement(
  deps: Deps,
  request: { actor: Actor; askId: string; target: LinkTarget },
): Promise<Result<AppliedChange, LinkError>> {
  if (request.actor.side !== 'vendor') {
    return fail({ code: 'forbidden', message: 'Only people at the vendor can link enhancements.' });
  }
  const { target: wanted } = request;
  const ref = 'ref' in wanted ? wanted.ref.trim().toUpperCase() : null;
  const found = 'id' in wanted ? [await deps.asks.findById(wanted.id)] : await deps.asks.findByRef(ref ?? '');
  const candidates = found.filter(
    (a): a is Ask => a !== null && a.kind === 'enhancement' && a.id !== request.askId,
  );
  if (candidates.length === 0) {
    const message = ref ? `There is no enhancement ${ref}.` : 'That enhancement no longer exists.';
    return fail({ code: 'invalid', message });
  }
  if (candidates.length > 1)
    return fail({ code: 'invalid', message: `${ref} names enhancements of several customers.` });
  const target = candidates[0] as Ask;
  const leaderId = target.linkedTo ?? target.id;
  if ((await deps.asks.findLinkedTo(request.askId)).length > 0) {
    return fail({
      code: 'invalid',
      message: `Others already follow this one: link ${target.ref} to it instead.`,
    });
  }
  return applyChange<LinkError>(deps, request.askId, (ask, now) => {
    if (ask.kind !== 'enhancement')
      return fail({ code: 'invalid', message: 'Only enhancements can be linked.' });
    if (ask.partnershipId === target.partnershipId) {
      return fail({
        code: 'invalid',
        message: `${target.ref} is from the same customer; link enhancements of different customers.`,
      });
    }
    if (leaderId === ask.id)
      return fail({ code: 'invalid', message: `${target.ref} already follows this one.` });
    if (ask.linkedTo === leaderId) return ok('unchanged');
    return ok({
      ...ask,
      linkedTo: leaderId,
      history: [
        ...ask.history,
        { at: now, by: request.actor, action: 'linked', from: ask.linkedTo, to: leaderId, note: null },
      ],
      updatedAt: now,
    });
  });
}

/** The whole group an enhancement belongs to: its leader first, then the followers. */
export async function enhancementGroup(asks: AskRepository, ask: Ask): Promise<Ask[]> {
  if (ask.kind !== 'enhancement') return [ask];
  const leader = ask.linkedTo ? await asks.findById(ask.linkedTo) : ask;
  if (!leader) return [ask];
  return [leader, ...(await asks.findLinkedTo(leader.id))];
}

/**
 * When one enhancement of a group ships, the same change has shipped for every customer who asked:
 * each other open member is marked shipped with the same note, whatever stage it had reached.
 */
export async function shipGroup(
  deps: Deps,
  shipped: Ask,
  by: Actor,
  note: string | null,
): Promise<AppliedChange[]> {
  const others = (await enhancementGroup(deps.asks, shipped)).filter((a) => a.id !== shipped.id);
  const changes: AppliedChange[] = [];
  for (const other of others) {
    const result = await applyChange<never>(deps, other.id, (ask, now) => {
      if (isClosed(ask.kind, ask.status)) return ok('unchanged');
      const entry = { at: now, by, action: 'status' as const, from: ask.status, to: 'shipped', note };
      return ok({ ...ask, status: 'shipped', history: [...ask.history, entry], updatedAt: now });
    });
    if (result.ok && result.value.changed) changes.push(result.value);
  }
  return changes;
}

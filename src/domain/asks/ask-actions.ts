import type { Actor } from '../actors.js';
import type { AskRepository, Clock } from '../ports.js';
import { fail, ok } from '../result.js';
import { type AppliedChange, applyChange } from './apply-change.js';
import { type HistoryEntry, owingSide } from './ask.js';
import { isClosed } from './lifecycle.js';
import { NOTE_MAX, tooLong } from './text-limits.js';

export type AskActionError =
  | { code: 'not_found' }
  | { code: 'forbidden' | 'not_applicable'; message: string };
/** Withdrawing is the requester's alone; they are named by id, as mentioning is the Slack layer's business. */
export type NotTheRequester = {
  code: 'forbidden';
  reason: 'not_the_requester';
  requesterId: string;
  ref: string;
};
export type AskActionResult = AppliedChange;

type Deps = { asks: AskRepository; clock: Clock };

const entry = (
  now: Date,
  by: Actor,
  action: HistoryEntry['action'],
  from: string | null,
  to: string | null,
): HistoryEntry => ({
  at: now,
  by,
  action,
  from,
  to,
  note: null,
});

/** "Take it" (newOwnerId = the actor) and reassignment: vendor side, help and enhancements. */
export const assignAsk = (deps: Deps, askId: string, by: Actor, newOwnerId: string) =>
  applyChange<AskActionError>(deps, askId, (ask, now) => {
    if (by.side !== 'vendor')
      return fail({ code: 'forbidden', message: 'Only people at the vendor can own a request.' });
    if (ask.kind === 'vendor')
      return fail({
        code: 'not_applicable',
        message: 'A request to the customer is owned by a customer contact.',
      });
    if (ask.ownerId === newOwnerId) return ok('unchanged');
    return ok({
      ...ask,
      ownerId: newOwnerId,
      history: [...ask.history, entry(now, by, 'owner', ask.ownerId, newOwnerId)],
      updatedAt: now,
    });
  });

/** The requester takes back an ask that is still open. */
export const withdrawAsk = (deps: Deps, askId: string, by: Actor) =>
  applyChange<AskActionError | NotTheRequester>(deps, askId, (ask, now) => {
    if (ask.status === 'withdrawn') return ok('unchanged');
    if (by.userId !== ask.requester.userId) {
      return fail({
        code: 'forbidden',
        reason: 'not_the_requester',
        requesterId: ask.requester.userId,
        ref: ask.ref,
      });
    }
    if (isClosed(ask.kind, ask.status))
      return fail({ code: 'not_applicable', message: `${ask.ref} is already closed.` });
    return ok({
      ...ask,
      status: 'withdrawn',
      history: [...ask.history, entry(now, by, 'status', ask.status, 'withdrawn')],
      updatedAt: now,
    });
  });

/** +1 on an enhancement, from anyone of any partnership; a second vote by the same person counts once. */
export const voteForAsk = (deps: Deps, askId: string, by: Actor) =>
  applyChange<AskActionError>(deps, askId, (ask, now) => {
    if (ask.kind !== 'enhancement')
      return fail({ code: 'not_applicable', message: 'Only enhancements take votes.' });
    if (ask.voters.some((v) => v.userId === by.userId)) return ok('unchanged');
    return ok({
      ...ask,
      voters: [...ask.voters, { userId: by.userId, teamId: by.teamId, at: now }],
      updatedAt: now,
    });
  });

/** More details from anyone in the channel, either side; kept in the history and shown to the owner. */
export const addDetails = (deps: Deps, askId: string, by: Actor, text: string) =>
  applyChange<AskActionError>(deps, askId, (ask, now) => {
    const details = text.trim();
    if (!details) return fail({ code: 'not_applicable', message: 'Write the details to add.' });
    if (details.length > NOTE_MAX) return fail({ code: 'not_applicable', message: tooLong(NOTE_MAX) });
    const added: HistoryEntry = { at: now, by, action: 'details', from: null, to: null, note: details };
    return ok({ ...ask, history: [...ask.history, added], updatedAt: now });
  });

/** A reply in the ask's thread by the side that owes the answer counts as a response (first and latest). */
export const recordThreadReply = (deps: Deps, askId: string, by: Actor) =>
  applyChange<AskActionError>(deps, askId, (ask, now) => {
    if (by.side !== owingSide(ask.kind) || isClosed(ask.kind, ask.status)) return ok('unchanged');
    const firstAt = ask.threadReplies?.firstAt ?? now;
    return ok({ ...ask, threadReplies: { firstAt, lastAt: now } });
  });

import type { Actor } from '../../domain/actors.js';
import type { AppliedChange } from '../../domain/asks/apply-change.js';
import {
  type AskActionError,
  addDetails,
  assignAsk,
  type NotTheRequester,
  recordThreadReply,
  voteForAsk,
  withdrawAsk,
} from '../../domain/asks/ask-actions.js';
import { type LinkError, type LinkTarget, linkEnhancement } from '../../domain/asks/link-enhancements.js';
import { markNotTheSame, type NotTheSameError } from '../../domain/asks/not-the-same.js';
import type { Result } from '../../domain/result.js';
import type { AskUseCaseDeps } from './ask-use-case-deps.js';

type Applied<E> = Result<AppliedChange, E>;

/** Owes the effects of a change that was stored; a refusal or a repeat (a double click) owes nothing. */
function owed<E>(deps: AskUseCaseDeps, result: Applied<E>): Applied<E> {
  if (result.ok && result.value.changed) deps.consequences.owe('ask', result.value.ask.id);
  return result;
}

const asksOf = (deps: AskUseCaseDeps) => ({ asks: deps.repositories.asks, clock: deps.clock });

/** "Take it", and reassignment from a reminder: a new vendor-side owner. */
export const assignAskTo = async (deps: AskUseCaseDeps, askId: string, by: Actor, ownerId: string) =>
  owed<AskActionError>(deps, await assignAsk(asksOf(deps), askId, by, ownerId));

export const withdrawAskAsRequester = async (deps: AskUseCaseDeps, askId: string, by: Actor) =>
  owed<AskActionError | NotTheRequester>(deps, await withdrawAsk(asksOf(deps), askId, by));

export const voteFor = async (deps: AskUseCaseDeps, askId: string, by: Actor) =>
  owed<AskActionError>(deps, await voteForAsk(asksOf(deps), askId, by));

export const addDetailsToAsk = async (deps: AskUseCaseDeps, askId: string, by: Actor, text: string) =>
  owed<AskActionError>(deps, await addDetails(asksOf(deps), askId, by, text));

/** A reply in the ask's thread by the side that owes the answer: a response, which re-plans its follow-up. */
export const answerInThread = async (deps: AskUseCaseDeps, askId: string, by: Actor) =>
  owed<AskActionError>(deps, await recordThreadReply(asksOf(deps), askId, by));

export const linkToEnhancement = async (
  deps: AskUseCaseDeps,
  request: { actor: Actor; askId: string; target: LinkTarget },
) => owed<LinkError>(deps, await linkEnhancement(asksOf(deps), request));

/** "Not the same" on a suggestion: remembered, and the twin is shown again without it. */
export const judgeNotTheSame = async (
  deps: AskUseCaseDeps,
  request: { actor: Actor; askId: string; otherId: string },
) => owed<NotTheSameError>(deps, await markNotTheSame(asksOf(deps), request));

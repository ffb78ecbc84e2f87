import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { raiseAsk } from '../../app/asks/raise-ask.js';
import type { AskContent, AskKind } from '../../domain/asks/ask.js';
import { trackedMessageId } from '../../domain/conversations/tracked-message.js';
import { closeMessage } from '../../domain/conversations/watch-messages.js';
import type { LimitedAction } from '../../domain/limits/person-limits.js';
import { type AskReactions, DEFAULT_REACTIONS } from '../../domain/partnerships/partnership.js';
import { inRequest, type SlackDeps } from '../bolt/deps.js';
import type { PartnershipContext, RapportContext } from '../bolt/rapport-context.js';
import type { PartnershipPlace } from '../bolt/request-partnership.js';
import { describeLimit } from '../limits/describe-limit.js';
import { attemptBy } from '../limits/limit-person.js';
import { buildNotSetUpHint } from '../setup/not-set-up-hint.js';
import { fetchMessage } from '../shared/fetch-message.js';
import { splitPrefill } from './ask-modal.js';

/** A tick on a customer message says it has been dealt with. */
const ANSWERED_REACTIONS = new Set(['white_check_mark', 'heavy_check_mark', 'ballot_box_with_check']);

export type ReactionArgs = SlackEventMiddlewareArgs<'reaction_added'>;

const kindOf = (reactions: AskReactions, reaction: string): AskKind | null =>
  reaction === reactions.help ? 'help' : reaction === reactions.enhancement ? 'enhancement' : null;

/** The channel of the message reacted to; null for reactions to anything else (a file). */
export const channelOfReaction = ({ event }: ReactionArgs): PartnershipPlace =>
  event.item.type === 'message' ? { channelId: event.item.channel } : null;

/** Outside a partnership only the default reactions are known; anything else is just an emoji. */
export async function hintOutsidePartnership(
  { event, client }: ReactionArgs & AllMiddlewareArgs<RapportContext>,
  place: PartnershipPlace,
): Promise<void> {
  if (place === null || !('channelId' in place) || !kindOf(DEFAULT_REACTIONS, event.reaction)) return;
  await client.chat.postEphemeral({ channel: place.channelId, user: event.user, ...buildNotSetUpHint() });
}

/** A message's text as an ask: its first line the title, the rest the details (cut to fit, marked so). */
function contentOfMessage(kind: AskKind, text: string): AskContent {
  const { title, details } = splitPrefill(text);
  return {
    title: title || 'Request raised from a message',
    details,
    urgency: kind === 'help' ? 'normal' : null,
    businessImpact: null,
    workaround: null,
    dueDate: null,
  };
}

/**
 * The partnership's reactions (:ticket: and :bulb: unless set otherwise) raise any message in its
 * channel as an ask, from either side.
 * The message's author is the requester; a message is raised at most once, whoever reacts. Whoever reacts
 * is counted against two limits (reactions that raise asks, then asks raised) and told privately, once per
 * window, when over one.
 */
export const handleReactionAdded =
  (services: SlackDeps) =>
  async ({ event, client, context }: ReactionArgs & AllMiddlewareArgs<PartnershipContext>): Promise<void> => {
    if (event.item.type !== 'message') return;
    const { channel, ts } = event.item;
    const { partnership } = context;
    const deps = inRequest(services, context);
    if (ANSWERED_REACTIONS.has(event.reaction)) {
      const id = trackedMessageId(channel, ts);
      await closeMessage(
        { ...deps.repositories, clock: deps.clock },
        partnership,
        id,
        event.user,
        'reaction',
      );
      return;
    }
    const kind = kindOf(partnership.reactions, event.reaction);
    if (!kind) return;
    const reactor = { workspace: context.workspace, actor: await deps.directory.actor(event.user) };
    const withinLimit = async (action: LimitedAction) => {
      const verdict = await attemptBy(services.limiter, reactor, action);
      if (!verdict.allowed && verdict.firstRefusal)
        await client.chat.postEphemeral({ channel, user: event.user, text: describeLimit(action, verdict) });
      return verdict.allowed;
    };
    if (!(await withinLimit('react'))) return;
    // A message already raised costs no fetch, and no ask from the person's allowance.
    if (await deps.repositories.asks.findBySource(channel, ts)) return;
    const message = await fetchMessage(client, channel, ts);
    if (!message || !(await withinLimit('raise'))) return;
    const requester = await deps.directory.actor(message.user ?? event.user);
    const result = await raiseAsk(deps, {
      actor: requester,
      partnership,
      kind,
      content: contentOfMessage(kind, message.text),
      contactId: null,
      source: { channelId: channel, messageTs: ts },
    });
    if (!result.ok) return; // already raised from this message
    const ask = result.value;
    await deps.consequences.settled('ask', ask.id);
    await client.chat.postEphemeral({
      channel,
      user: event.user,
      text: `Raised *${ask.ref}* from that message; its status card is in the message's thread.`,
    });
  };

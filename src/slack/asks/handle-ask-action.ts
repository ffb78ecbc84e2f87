import type { AllMiddlewareArgs } from '@slack/bolt';
import type { Actor } from '../../domain/actors.js';
import type { AskActionError, AskActionResult, NotTheRequester } from '../../domain/asks/ask-actions.js';
import type { Result } from '../../domain/result.js';
import { inRequest, type RequestDeps, type SlackDeps } from '../bolt/deps.js';
import type { ButtonArgs } from '../bolt/listen.js';
import type { ActorContext } from '../bolt/rapport-context.js';
import { describeAskRefusal } from './ask-refusal.js';

export type AskAction = (
  deps: RequestDeps,
  askId: string,
  actor: Actor,
) => Promise<Result<AskActionResult, AskActionError | NotTheRequester>>;

/**
 * One-click card buttons (Take it, +1, Withdraw), after identifyActor: the use case applies the click and
 * owes its effects (the card, the thread); a repeated click changes nothing, and a refusal is answered
 * privately.
 */
export const handleAskAction =
  (services: SlackDeps, act: AskAction) =>
  async ({ body, action, client, context }: ButtonArgs & AllMiddlewareArgs<ActorContext>): Promise<void> => {
    const { actor } = context;
    const result = await act(inRequest(services, context), action.value ?? '', actor);
    if (!result.ok) {
      const text = describeAskRefusal(result.error);
      if (body.channel?.id)
        await client.chat.postEphemeral({ channel: body.channel.id, user: actor.userId, text });
    }
  };

import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Actor } from '../../domain/actors.js';
import type { AskActionError, AskActionResult, NotTheRequester } from '../../domain/asks/ask-actions.js';
import type { Result } from '../../domain/result.js';
import type { SlackDeps } from '../bolt/deps.js';
import { describeAskRefusal } from './ask-refusal.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;
export type AskAction = (
  askId: string,
  actor: Actor,
) => Promise<Result<AskActionResult, AskActionError | NotTheRequester>>;

/**
 * One-click card buttons (Take it, +1, Withdraw): the use case applies the click and owes its effects
 * (the card, the thread); a repeated click changes nothing, and a refusal is answered privately.
 */
export const handleAskAction =
  (deps: SlackDeps, act: AskAction) =>
  async ({ ack, body, action, client }: ButtonArgs): Promise<void> => {
    await ack();
    const actor = await deps.directory.actor(body.user.id, body.user.team_id);
    const result = await act(action.value ?? '', actor);
    if (!result.ok) {
      const text = describeAskRefusal(result.error);
      if (body.channel?.id)
        await client.chat.postEphemeral({ channel: body.channel.id, user: actor.userId, text });
    }
  };

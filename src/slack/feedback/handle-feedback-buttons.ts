import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Rating } from '../../domain/feedback/feedback.js';
import { rate } from '../../domain/feedback/rate.js';
import type { SlackDeps } from '../bolt/deps.js';
import { buildFeedbackCommentModal, buildFeedbackThanks } from './feedback-messages.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** 👍 / 👎 in the feedback DM: the rating is stored at once, and the message turns into a thank-you. */
export const handleRating =
  (deps: SlackDeps, rating: Rating) =>
  async ({ ack, body, action, client, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const actor = await deps.directory.actor(body.user.id, body.user.team_id);
    const result = await rate(deps.repositories.feedback, {
      askId: action.value ?? '',
      actor,
      rating,
      now: deps.clock.now(),
    });
    if (!result.ok) {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'That rating could not be recorded.',
      });
      return;
    }
    if (body.channel?.id && body.message?.ts) {
      await client.chat.update({
        channel: body.channel.id,
        ts: body.message.ts,
        ...buildFeedbackThanks(result.value),
      });
    }
  };

/** "Add a comment": the comment form, which remembers the DM to update afterwards. */
export const handleCommentButton =
  (deps: SlackDeps) =>
  async ({ ack, body, action, client }: ButtonArgs): Promise<void> => {
    await ack();
    const feedback = await deps.repositories.feedback.findByAsk(action.value ?? '');
    if (!feedback || feedback.userId !== body.user.id || !body.channel?.id || !body.message?.ts) return;
    const metadata = { askId: feedback.askId, channel: body.channel.id, ts: body.message.ts };
    await client.views.open({
      trigger_id: body.trigger_id,
      view: buildFeedbackCommentModal(feedback, metadata),
    });
  };

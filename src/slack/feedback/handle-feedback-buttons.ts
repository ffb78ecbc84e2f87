import type { AllMiddlewareArgs } from '@slack/bolt';
import type { Rating } from '../../domain/feedback/feedback.js';
import { rate } from '../../domain/feedback/rate.js';
import type { SlackDeps } from '../bolt/deps.js';
import type { ButtonArgs } from '../bolt/listen.js';
import type { ActorContext, RapportContext } from '../bolt/rapport-context.js';
import { buildFeedbackCommentModal, buildFeedbackThanks } from './feedback-messages.js';
import { publishFeedback } from './publish-feedback.js';

/**
 * 👍 / 👎 in the feedback DM: the rating is stored at once, the message turns into a thank-you, and
 * webhooks hear of it.
 */
export const handleRating =
  (deps: SlackDeps, rating: Rating) =>
  async ({
    body,
    action,
    client,
    respond,
    context,
  }: ButtonArgs & AllMiddlewareArgs<ActorContext>): Promise<void> => {
    const result = await rate(context.workspace.repositories.feedback, {
      askId: action.value ?? '',
      actor: context.actor,
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
    await publishFeedback(deps, context.workspace, result.value, context.actor);
  };

/** "Add a comment": the comment form, which remembers the DM to update afterwards. */
export const handleCommentButton = async ({
  body,
  action,
  client,
  context,
}: ButtonArgs & AllMiddlewareArgs<RapportContext>): Promise<void> => {
  const feedback = await context.workspace.repositories.feedback.findByAsk(action.value ?? '');
  if (!feedback || feedback.userId !== body.user.id || !body.channel?.id || !body.message?.ts) return;
  const metadata = { askId: feedback.askId, channel: body.channel.id, ts: body.message.ts };
  await client.views.open({
    trigger_id: body.trigger_id,
    view: buildFeedbackCommentModal(feedback, metadata),
  });
};

import type { AllMiddlewareArgs } from '@slack/bolt';
import { dismissMessage } from '../../domain/follow-ups/follow-up-actions.js';
import { answerPrivately } from '../bolt/answer-privately.js';
import { inRequest, type SlackDeps } from '../bolt/deps.js';
import type { ButtonArgs } from '../bolt/listen.js';
import type { ActorContext } from '../bolt/rapport-context.js';
import { buildReassignModal } from './reassign-modal.js';
import { buildSnoozeModal } from './snooze-modal.js';

type Args = ButtonArgs & AllMiddlewareArgs<ActorContext>;

/** Snooze and Reassign open their forms for those who may use them; the forms re-check on submit. */
export const handleReminderFormButton =
  (form: 'snooze' | 'reassign') =>
  async (args: Args): Promise<void> => {
    const { body, action, client, context } = args;
    const followUp = await context.workspace.repositories.followUps.findById(action.value ?? '');
    const { actor } = context;
    if (!followUp || followUp.closed)
      return answerPrivately(args, { text: 'Nothing is owed on that any more.' });
    if (actor.side !== 'vendor' && (form === 'reassign' || actor.userId !== followUp.ownerId)) {
      const text = 'Only the person who owes this, or someone at the vendor, can do that.';
      return answerPrivately(args, { text });
    }
    const view = form === 'snooze' ? buildSnoozeModal(followUp.id) : buildReassignModal(followUp.id);
    await client.views.open({ trigger_id: body.trigger_id, view });
  };

/** "No reply needed" on an unanswered message. */
export const handleReminderDismiss =
  (services: SlackDeps) =>
  async (args: Args): Promise<void> => {
    const { action, context } = args;
    const deps = inRequest(services, context);
    const result = await dismissMessage(
      { ...deps.repositories, directory: deps.directory, clock: deps.clock },
      { actor: context.actor, followUpId: action.value ?? '' },
    );
    const text = result.ok
      ? 'Done: that message is no longer waiting for a reply.'
      : 'message' in result.error
        ? result.error.message
        : 'That could not be done.';
    await answerPrivately(args, { text });
  };

import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { dismissMessage } from '../../domain/follow-ups/follow-up-actions.js';
import type { SlackDeps } from '../bolt/deps.js';
import { buildReassignModal } from './reassign-modal.js';
import { buildSnoozeModal } from './snooze-modal.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

async function privately(respond: ButtonArgs['respond'], text: string): Promise<void> {
  await respond({ response_type: 'ephemeral', replace_original: false, text });
}

/** "Open" is a link button: Slack still sends the click, which only needs its ack. */
export const handleReminderOpen = async ({ ack }: ButtonArgs): Promise<void> => {
  await ack();
};

/** Snooze and Reassign open their forms for those who may use them; the forms re-check on submit. */
export const handleReminderFormButton =
  (deps: SlackDeps, form: 'snooze' | 'reassign') =>
  async ({ ack, body, action, client, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const followUp = await deps.repositories.followUps.findById(action.value ?? '');
    const actor = await deps.directory.actor(body.user.id, body.user.team_id);
    if (!followUp || followUp.closed) return privately(respond, 'Nothing is owed on that any more.');
    if (actor.side !== 'vendor' && (form === 'reassign' || actor.userId !== followUp.ownerId)) {
      return privately(respond, 'Only the person who owes this, or someone at the vendor, can do that.');
    }
    const view = form === 'snooze' ? buildSnoozeModal(followUp.id) : buildReassignModal(followUp.id);
    await client.views.open({ trigger_id: body.trigger_id, view });
  };

/** "No reply needed" on an unanswered message. */
export const handleReminderDismiss =
  (deps: SlackDeps) =>
  async ({ ack, body, action, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const actor = await deps.directory.actor(body.user.id, body.user.team_id);
    const result = await dismissMessage(
      { ...deps.repositories, directory: deps.directory, clock: deps.clock },
      { actor, followUpId: action.value ?? '' },
    );
    await privately(
      respond,
      result.ok
        ? 'Done: that message is no longer waiting for a reply.'
        : 'message' in result.error
          ? result.error.message
          : 'That could not be done.',
    );
  };

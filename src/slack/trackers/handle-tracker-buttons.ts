import type { AllMiddlewareArgs } from '@slack/bolt';
import { changeAsk } from '../../app/asks/change-ask.js';
import { sendToTracker } from '../../app/trackers/send-to-tracker.js';
import { inRequest, type SlackDeps } from '../bolt/deps.js';
import type { ButtonArgs } from '../bolt/listen.js';
import type { ActorContext } from '../bolt/rapport-context.js';
import { describeIssueRefusal } from './describe-issue-refusal.js';
import { buildLinkIssueModal } from './link-issue-modal.js';

type Args = ButtonArgs & AllMiddlewareArgs<ActorContext>;

const tellPrivately = async ({ body, client, context }: Args, text: string) => {
  if (body.channel?.id)
    await client.chat.postEphemeral({ channel: body.channel.id, user: context.actor.userId, text });
};

/** "Send to tracker" on the twin: the issue is created by the ask's effects; a refusal is told privately. */
export const handleSendButton = (services: SlackDeps) => async (args: Args) => {
  const { action, context } = args;
  const result = await sendToTracker(inRequest(services, context), action.value ?? '', context.actor);
  if (!result.ok) await tellPrivately(args, describeIssueRefusal(result.error));
};

/** "Link existing issue": the form, for the vendor side. */
export const handleLinkButton = async (args: Args) => {
  const { action, body, client, context } = args;
  const ask = await context.workspace.repositories.asks.findById(action.value ?? '');
  if (!ask) return tellPrivately(args, 'That request no longer exists.');
  if (context.actor.side !== 'vendor')
    return tellPrivately(args, 'Only people at the vendor can link issues.');
  await client.views.open({ trigger_id: body.trigger_id, view: buildLinkIssueModal(ask) });
};

/**
 * "Promise <date>": the tracker's due date becomes a promise to the customer, because a person said so.
 * It goes through the update use case, so the customer is told and the promise is tracked.
 */
export const handlePromiseButton = (services: SlackDeps) => async (args: Args) => {
  const { action, context } = args;
  const deps = inRequest(services, context);
  const ask = await deps.repositories.asks.findById(action.value ?? '');
  const due = ask?.tracker?.due;
  if (!ask || !due) return tellPrivately(args, 'The tracker gives no date for this request any more.');
  const result = await changeAsk(deps, {
    actor: context.actor,
    askId: ask.id,
    status: ask.status,
    note: null,
    internalNote: null,
    promisedDate: due,
    ownerId: null,
  });
  if (!result.ok) {
    const error = result.error;
    const text =
      error.code === 'invalid' ? Object.values(error.fields).join(' ') : describeIssueRefusal(error);
    await tellPrivately(args, text);
  }
};

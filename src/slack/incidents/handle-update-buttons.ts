import type { AllMiddlewareArgs } from '@slack/bolt';
import { answerPrivately } from '../bolt/answer-privately.js';
import type { ButtonArgs } from '../bolt/listen.js';
import type { ActorContext } from '../bolt/rapport-context.js';
import { buildIncidentUpdateModal } from './update-modal.js';

type Args = ButtonArgs & AllMiddlewareArgs<ActorContext>;

/**
 * Post update (or Reopen), after onlyVendor, from `/rapport incident`'s list, an update's outcome or the
 * Home tab: the update form, or why not, privately (a Home tab has no response_url to answer on).
 */
export const handlePostUpdateButton = async (args: Args): Promise<void> => {
  const { body, client, context } = args;
  const incident = await context.workspace.repositories.announcements.findById(body.actions[0]?.value ?? '');
  if (!incident?.incident) {
    await answerPrivately(args, { text: 'This incident no longer exists.' });
    return;
  }
  await client.views.open({
    trigger_id: body.trigger_id,
    view: buildIncidentUpdateModal(incident, incident.incident),
  });
};

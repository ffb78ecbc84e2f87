import type { AllMiddlewareArgs } from '@slack/bolt';
import type { ButtonArgs } from '../bolt/listen.js';
import type { ActorContext } from '../bolt/rapport-context.js';
import { buildIncidentUpdateModal } from './update-modal.js';

type Args = ButtonArgs & AllMiddlewareArgs<ActorContext>;

/** Post update (or Reopen), after onlyVendor: the update form, or why not, privately. */
export const handlePostUpdateButton = async ({ body, client, respond, context }: Args): Promise<void> => {
  const incident = await context.workspace.repositories.announcements.findById(body.actions[0]?.value ?? '');
  if (!incident?.incident) {
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'This incident no longer exists.',
    });
    return;
  }
  await client.views.open({
    trigger_id: body.trigger_id,
    view: buildIncidentUpdateModal(incident, incident.incident),
  });
};

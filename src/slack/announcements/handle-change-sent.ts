import type { AllMiddlewareArgs } from '@slack/bolt';
import {
  deleteSentAnnouncement,
  editSentAnnouncement,
} from '../../app/announcements/change-sent-announcement.js';
import type { SlackDeps } from '../bolt/deps.js';
import type { SubmissionArgs } from '../bolt/listen.js';
import type { ActorContext } from '../bolt/rapport-context.js';
import { COMMAND } from '../commands/ids.js';
import { safeText } from '../shared/escape.js';
import { buildEditSentModal, parseEditSentSubmission } from './edit-sent-modal.js';
import { type AnnounceButtonArgs, decideDeps, idOf, refuse } from './handle-announce-buttons.js';
import { ANNOUNCE_BLOCKS } from './ids.js';

const STARTED = 'I will show the progress in a message here.';

/** Edit everywhere, under the report: its sender gets the sent text in a form. */
export const handleEditSentButton = async ({
  body,
  client,
  respond,
  context,
}: AnnounceButtonArgs): Promise<void> => {
  const a = await context.workspace.repositories.announcements.findById(idOf(body));
  if (a === null) return refuse(respond, { code: 'not_found' });
  if (a.createdBy !== context.actor.userId) {
    return refuse(respond, { message: 'Only the person who wrote this announcement can do that.' });
  }
  if (a.state !== 'sent')
    return refuse(respond, { message: 'Only a sent announcement can be edited everywhere.' });
  await client.views.open({ trigger_id: body.trigger_id, view: buildEditSentModal(a) });
};

/** The edit form's submit: refused on its fields with the input kept, else every channel is brought to it. */
export const handleEditSentSubmission =
  (deps: SlackDeps) =>
  async ({ ack, view, client, context }: SubmissionArgs & AllMiddlewareArgs<ActorContext>) => {
    const parsed = parseEditSentSubmission(view.private_metadata, view.state.values);
    if (parsed === null) {
      const errors = { [ANNOUNCE_BLOCKS.title]: `This form could not be read. Close it and try again.` };
      return ack({ response_action: 'errors', errors });
    }
    const result = await editSentAnnouncement(decideDeps(deps, context), { actor: context.actor, ...parsed });
    if (!result.ok) {
      const error = result.error;
      const errors =
        error.code === 'invalid'
          ? Object.fromEntries(
              Object.entries(error.fields).map(([f, m]) => [ANNOUNCE_BLOCKS[f as 'title' | 'body'], m]),
            )
          : {
              [ANNOUNCE_BLOCKS.title]:
                'message' in error ? error.message : `It no longer exists: see ${COMMAND} announcements.`,
            };
      return ack({ response_action: 'errors', errors });
    }
    await ack();
    await client.chat.postMessage({
      channel: context.actor.userId,
      text: `Updating *${safeText(result.value.title, 150)}* everywhere. ${STARTED}`,
    });
    await deps.sendAnnouncements(context.workspace);
  };

/** Delete everywhere (confirmed in Slack's dialog first): its sender only, once it is sent. */
export const handleDeleteSent =
  (deps: SlackDeps) =>
  async ({ body, respond, context }: AnnounceButtonArgs): Promise<void> => {
    const result = await deleteSentAnnouncement(decideDeps(deps, context), {
      actor: context.actor,
      id: idOf(body),
    });
    if (!result.ok) {
      return refuse(respond, result.error.code === 'invalid' ? { code: 'not_found' } : result.error);
    }
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: `Deleting *${safeText(result.value.title, 150)}* everywhere. ${STARTED}`,
    });
    await deps.sendAnnouncements(context.workspace);
  };

import type { AllMiddlewareArgs } from '@slack/bolt';
import { draftAnnouncement } from '../../app/announcements/draft-announcement.js';
import type { SlackDeps } from '../bolt/deps.js';
import { guardedWrite } from '../bolt/guarded-write.js';
import type { SubmissionArgs } from '../bolt/listen.js';
import type { ActorContext } from '../bolt/rapport-context.js';
import { COMMAND } from '../commands/ids.js';
import { buildAnnouncementPreview } from './announcement-message.js';
import { ANNOUNCE_BLOCKS } from './ids.js';
import { ANNOUNCE_FIELD_BLOCKS, parseAnnounceSubmission } from './parse-announce-submission.js';

/**
 * The form's Preview: checked and stored as a draft before the ack (problems shown on their fields, the
 * input kept), then the private preview is sent to the sender's DM with Send, test and Cancel buttons.
 */
export const handleAnnounceSubmission =
  (deps: SlackDeps) =>
  async ({ ack, view, client, context }: SubmissionArgs & AllMiddlewareArgs<ActorContext>) => {
    const fail = (blockId: string, message: string) =>
      ack({ response_action: 'errors', errors: { [blockId]: message } });
    const parsed = parseAnnounceSubmission(view.private_metadata, view.state.values);
    if (parsed.ok === 'malformed') {
      return fail(
        ANNOUNCE_BLOCKS.title,
        `This form could not be read. Close it and run ${COMMAND} announce again.`,
      );
    }
    if (!parsed.ok) return ack({ response_action: 'errors', errors: parsed.errors });
    const { repositories } = context.workspace;
    const result = await guardedWrite(
      deps,
      (message) => fail(ANNOUNCE_BLOCKS.title, message),
      () =>
        draftAnnouncement(
          {
            ...repositories,
            clock: deps.clock,
            newId: deps.newId,
            directory: context.workspace.directory,
            settings: deps.announcementSettings,
          },
          { actor: context.actor, input: parsed.input },
        ),
    );
    if (!result) return;
    if (!result.ok) {
      if (result.error.code === 'forbidden') return fail(ANNOUNCE_BLOCKS.title, result.error.message);
      const errors = Object.fromEntries(
        Object.entries(result.error.fields).map(([field, message]) => [
          ANNOUNCE_FIELD_BLOCKS[field as keyof typeof ANNOUNCE_FIELD_BLOCKS],
          message,
        ]),
      );
      return ack({ response_action: 'errors', errors });
    }
    await ack();
    const { announcement, targets } = result.value;
    await client.chat.postMessage({
      channel: context.actor.userId,
      ...buildAnnouncementPreview(announcement, targets, deps.announcementSettings),
    });
  };

import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { saveRoles } from '../../domain/stakeholders/save-roles.js';
import type { SlackDeps } from '../bolt/deps.js';
import { guardedWrite } from '../bolt/guarded-write.js';
import { PEOPLE_BLOCKS } from './ids.js';
import { parsePeopleSubmission } from './parse-people-submission.js';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Save roles: checked and stored before the ack, so any refusal shows in the form with the input kept. */
export const handlePeopleSubmission =
  (deps: SlackDeps) =>
  async ({ ack, body, view, client }: ViewArgs): Promise<void> => {
    const fail = (message: string, blockId: string = PEOPLE_BLOCKS.addUser) =>
      ack({ response_action: 'errors', errors: { [blockId]: message } });
    const parsed = parsePeopleSubmission(view.private_metadata, view.state.values);
    if (parsed.ok === 'malformed') return fail('This form could not be read. Close it and try again.');
    if (!parsed.ok) return ack({ response_action: 'errors', errors: parsed.errors });
    const partnership = await deps.repositories.partnerships.findByChannel(parsed.channelId);
    if (!partnership) return fail('This channel is no longer set up.');
    const actor = await deps.directory.actor(body.user.id, body.user.team_id);
    const changes = await Promise.all(
      parsed.roles.map(async ({ userId, role, customRole }) => {
        const person = await deps.directory.actor(userId);
        return { person, role, customRole };
      }),
    );
    const result = await guardedWrite(deps, fail, () =>
      saveRoles(
        {
          ...deps,
          partnerships: deps.repositories.partnerships,
          stakeholders: deps.repositories.stakeholders,
        },
        { actor, partnership, changes },
      ),
    );
    if (!result) return;
    if (!result.ok) return fail(result.error.message);
    await ack();
    await client.chat.postEphemeral({
      channel: partnership.channelId,
      user: actor.userId,
      text: `Saved the roles of ${changes.length} ${changes.length === 1 ? 'person' : 'people'}. The setup form's customer contacts show them too.`,
    });
  };

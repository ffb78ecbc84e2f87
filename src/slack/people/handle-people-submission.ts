import type { AllMiddlewareArgs } from '@slack/bolt';
import { saveRoles } from '../../domain/stakeholders/save-roles.js';
import { inRequest, type SlackDeps } from '../bolt/deps.js';
import { guardedWrite } from '../bolt/guarded-write.js';
import type { SubmissionArgs } from '../bolt/listen.js';
import type { ActorContext, PartnershipContext } from '../bolt/rapport-context.js';
import { PEOPLE_BLOCKS } from './ids.js';
import { type ParsedRole, parsePeopleSubmission } from './parse-people-submission.js';

type ViewArgs = SubmissionArgs & AllMiddlewareArgs<PartnershipContext & ActorContext>;

const customBlockOf = (roles: ParsedRole[], userId: string) =>
  roles.find((r) => r.userId === userId)?.customBlockId;

/**
 * Save roles, in a partnership channel: checked and stored before the ack, so any refusal shows in the
 * form with the input kept.
 */
export const handlePeopleSubmission =
  (services: SlackDeps) =>
  async ({ ack, view, client, context }: ViewArgs): Promise<void> => {
    const fail = (message: string, blockId: string = PEOPLE_BLOCKS.addUser) =>
      ack({ response_action: 'errors', errors: { [blockId]: message } });
    const parsed = parsePeopleSubmission(view.private_metadata, view.state.values);
    if (parsed.ok === 'malformed') return fail('This form could not be read. Close it and try again.');
    if (!parsed.ok) return ack({ response_action: 'errors', errors: parsed.errors });
    const deps = inRequest(services, context);
    const { partnership, actor } = context;
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
    if (!result.ok) {
      const { error } = result;
      const shownAt = error.code === 'oversize' ? customBlockOf(parsed.roles, error.userId) : undefined;
      return fail(error.message, shownAt);
    }
    await ack();
    await client.chat.postEphemeral({
      channel: partnership.channelId,
      user: actor.userId,
      text: `Saved the roles of ${changes.length} ${changes.length === 1 ? 'person' : 'people'}. The setup form's customer contacts show them too.`,
    });
  };

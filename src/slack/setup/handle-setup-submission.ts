import type { AllMiddlewareArgs } from '@slack/bolt';
import { savePartnership } from '../../domain/partnerships/save-partnership.js';
import { syncContactRoles } from '../../domain/stakeholders/save-roles.js';
import { inRequest, type SlackDeps } from '../bolt/deps.js';
import { guardedWrite } from '../bolt/guarded-write.js';
import type { SubmissionArgs } from '../bolt/listen.js';
import type { ActorContext } from '../bolt/rapport-context.js';
import { COMMAND } from '../commands/ids.js';
import { refreshPinnedPlan } from '../plan/publish-plan.js';
import { safeText } from '../shared/escape.js';
import { SETUP_BLOCKS } from './ids.js';
import { blockForField, parseSetupSubmission } from './parse-setup-submission.js';
import { publishWelcome, type WelcomeOutcome } from './publish-welcome.js';

/**
 * The setup modal's Save. Validation and the store write happen before the ack so that any problem,
 * including a failed write, is shown inline with the user's input kept; Slack work follows the ack.
 */
export const handleSetupSubmission =
  (services: SlackDeps) =>
  async ({ ack, body, view, client, context }: SubmissionArgs & AllMiddlewareArgs<ActorContext>) => {
    const deps = inRequest(services, context);
    const fail = (blockId: string, message: string) =>
      ack({ response_action: 'errors', errors: { [blockId]: message } });
    const parsed = parseSetupSubmission(view.private_metadata, view.state.values);
    if (parsed.ok === 'malformed') {
      deps.logger.event('warn', 'malformed setup submission', { viewId: view.id, userId: body.user.id });
      return fail(
        SETUP_BLOCKS.accountName,
        `This form could not be read. Close it and run ${COMMAND} setup again.`,
      );
    }
    if (!parsed.ok) return ack({ response_action: 'errors', errors: parsed.errors });

    const { actor } = context;
    const result = await guardedWrite(
      deps,
      (message) => fail(SETUP_BLOCKS.accountName, message),
      () =>
        savePartnership(
          { ...deps, partnerships: deps.repositories.partnerships },
          {
            actor,
            channelId: parsed.metadata.channelId,
            input: parsed.input,
            expectedVersion: parsed.metadata.expectedVersion,
          },
        ),
    );
    if (!result) return;
    if (!result.ok) {
      const error = result.error;
      if (error.code !== 'invalid') return fail(SETUP_BLOCKS.accountName, error.message);
      const errors = Object.fromEntries(
        Object.entries(error.fields).map(([field, message]) => [blockForField(field as never), message]),
      );
      return ack({ response_action: 'errors', errors });
    }
    await ack();

    const { partnership, created } = result.value;
    await syncContactRoles(
      { stakeholders: deps.repositories.stakeholders, sideTeamOf: (userId) => deps.directory.actor(userId) },
      partnership,
      deps.clock.now(),
    );
    const welcome: WelcomeOutcome = await publishWelcome(client, deps.repositories.partnerships, partnership);
    await refreshPinnedPlan(client, deps, partnership);
    const account = safeText(partnership.accountName, 200);
    const lines = [
      created
        ? `*${account}* is set up in this channel. Requests will be numbered ${partnership.refPrefix}-1, ${partnership.refPrefix}-2, …`
        : `Saved your changes to *${account}*.`,
    ];
    if (welcome === 'posted')
      lines.push('I posted and pinned a welcome message explaining how to ask for help.');
    if (welcome === 'not_in_channel') {
      lines.push(
        'I couldn’t post the welcome message because I’m not in this channel: `/invite` me, then run setup again.',
      );
    }
    await client.chat.postEphemeral({
      channel: partnership.channelId,
      user: actor.userId,
      text: lines.join('\n'),
    });
  };

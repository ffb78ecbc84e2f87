import type { AllMiddlewareArgs } from '@slack/bolt';
import { peopleIn } from '../../domain/plan/communication-plan.js';
import { saveCommunicationPlan } from '../../domain/plan/save-plan.js';
import { inRequest, type SlackDeps } from '../bolt/deps.js';
import { guardedWrite } from '../bolt/guarded-write.js';
import type { SubmissionArgs } from '../bolt/listen.js';
import type { ActorContext, PartnershipContext } from '../bolt/rapport-context.js';
import { COMMAND } from '../commands/ids.js';
import { PLAN_FORM_BLOCK, parsePlanSubmission, planErrorsByBlock } from './parse-plan-submission.js';
import { lookUpPlanPeople } from './plan-people.js';
import { publishPlan } from './publish-plan.js';

type ViewArgs = SubmissionArgs & AllMiddlewareArgs<PartnershipContext & ActorContext>;

const SAVED = {
  posted: 'Saved the communication plan, and pinned it in this channel for both sides.',
  updated: 'Saved the communication plan; the pinned message in this channel shows it.',
  not_in_channel:
    'Saved the communication plan, but I couldn’t post it because I’m not in this channel: `/invite` me, then save the plan again.',
  none: 'Saved the communication plan.',
} as const;

/**
 * The plan form's Save: checked and stored (compare-and-set) before the ack, so every problem shows
 * on its field with the input kept; the pinned message is posted or edited after.
 */
export const handlePlanSubmission =
  (services: SlackDeps) =>
  async ({ ack, view, client, context }: ViewArgs): Promise<void> => {
    const fail = (message: string) =>
      ack({ response_action: 'errors', errors: { [PLAN_FORM_BLOCK]: message } });
    const parsed = parsePlanSubmission(view.private_metadata, view.state.values);
    if (parsed.ok === 'malformed') {
      return fail(`This form could not be read. Close it and run ${COMMAND} plan again.`);
    }
    const deps = inRequest(services, context);
    const { partnership, actor } = context;
    const lookUp = await lookUpPlanPeople(deps, partnership.channelId, peopleIn(parsed.content));
    const result = await guardedWrite(deps, fail, () =>
      saveCommunicationPlan(
        { partnerships: deps.repositories.partnerships, clock: deps.clock },
        {
          actor,
          partnership,
          expectedVersion: parsed.metadata.expectedVersion,
          content: parsed.content,
          lookUp,
        },
      ),
    );
    if (!result) return;
    if (!result.ok) {
      const error = result.error;
      if (error.code === 'invalid')
        return ack({ response_action: 'errors', errors: planErrorsByBlock(error.fields) });
      return fail(error.message);
    }
    await ack();
    const outcome = await publishPlan(client, deps, result.value.id);
    await client.chat.postEphemeral({
      channel: partnership.channelId,
      user: actor.userId,
      text: SAVED[outcome],
    });
  };

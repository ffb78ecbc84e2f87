import type { AllMiddlewareArgs } from '@slack/bolt';
import { changeAsk } from '../../app/asks/change-ask.js';
import { inRequest, type SlackDeps } from '../bolt/deps.js';
import { guardedWrite } from '../bolt/guarded-write.js';
import type { SubmissionArgs } from '../bolt/listen.js';
import type { ActorContext } from '../bolt/rapport-context.js';
import { showSimilarToUpdater } from '../similar/show-similar-privately.js';
import { UPDATE_BLOCKS } from './ids.js';
import { parseAskUpdateSubmission } from './parse-ask-update-submission.js';

/**
 * The update form's Save: the change is checked and stored before the ack; its consequences follow it.
 * Someone at the vendor who updated an enhancement is then shown, privately, similar requests.
 */
export const handleAskUpdateSubmission =
  (services: SlackDeps) =>
  async ({ ack, view, client, context }: SubmissionArgs & AllMiddlewareArgs<ActorContext>) => {
    const fail = (message: string, blockId: string = UPDATE_BLOCKS.status) =>
      ack({ response_action: 'errors', errors: { [blockId]: message } });
    const parsed = parseAskUpdateSubmission(view.private_metadata, view.state.values);
    if (parsed.ok === 'malformed') return fail('This form could not be read. Close it and try again.');
    const deps = inRequest(services, context);
    const result = await guardedWrite(deps, fail, () => changeAsk(deps, { ...parsed, actor: context.actor }));
    if (!result) return;
    if (!result.ok) {
      const error = result.error;
      if (error.code === 'not_found') return fail('That request no longer exists.');
      if (error.code === 'forbidden') return fail(error.message);
      const errors = Object.fromEntries(
        Object.entries(error.fields).map(([field, message]) => [
          UPDATE_BLOCKS[field as keyof typeof UPDATE_BLOCKS],
          message,
        ]),
      );
      return ack({ response_action: 'errors', errors });
    }
    await ack();
    await showSimilarToUpdater(deps, client, context.workspace, result.value.ask, context.actor);
  };

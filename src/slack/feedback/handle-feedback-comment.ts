import type { AllMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { rate } from '../../domain/feedback/rate.js';
import type { SlackDeps } from '../bolt/deps.js';
import { guardedWrite } from '../bolt/guarded-write.js';
import type { SubmissionArgs } from '../bolt/listen.js';
import type { ActorContext } from '../bolt/rapport-context.js';
import { INPUT } from '../shared/ids.js';
import { parseMetadata } from '../shared/json-metadata.js';
import { element, viewStateValues } from '../shared/view-state.js';
import { buildFeedbackThanks } from './feedback-messages.js';
import { FEEDBACK_BLOCKS } from './ids.js';
import { publishFeedback } from './publish-feedback.js';

type ViewArgs = SubmissionArgs & AllMiddlewareArgs<ActorContext>;
const metadataSchema = z.object({ askId: z.string(), channel: z.string(), ts: z.string() });

/** The optional comment on a rating, stored before the ack; the DM then says it arrived. */
export const handleFeedbackComment =
  (deps: SlackDeps) =>
  async ({ ack, view, client, context }: ViewArgs): Promise<void> => {
    const fail = (message: string) =>
      ack({ response_action: 'errors', errors: { [FEEDBACK_BLOCKS.comment]: message } });
    const metadata = parseMetadata(view.private_metadata, metadataSchema);
    const values = viewStateValues.safeParse(view.state.values);
    const comment = values.success
      ? element(values.data, FEEDBACK_BLOCKS.comment, INPUT).value?.trim()
      : undefined;
    if (!metadata || !comment)
      return fail(metadata ? 'Write a few words, or close this form.' : 'This form could not be read.');
    const { actor, workspace } = context;
    const result = await guardedWrite(deps, fail, () =>
      rate(workspace.repositories.feedback, { askId: metadata.askId, actor, comment, now: deps.clock.now() }),
    );
    if (!result) return;
    if (!result.ok)
      return fail(
        result.error.code === 'not_found' ? 'That request no longer exists.' : result.error.message,
      );
    await ack();
    await client.chat.update({
      channel: metadata.channel,
      ts: metadata.ts,
      ...buildFeedbackThanks(result.value),
    });
    await publishFeedback(deps, workspace, result.value, actor);
  };

import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { changeAsk } from '../../app/asks/change-ask.js';
import type { SlackDeps } from '../bolt/deps.js';
import { guardedWrite } from '../bolt/guarded-write.js';
import { UPDATE_BLOCKS } from './ids.js';
import { parseAskUpdateSubmission } from './parse-ask-update-submission.js';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** The update form's Save: the change is checked and stored before the ack; its consequences follow it. */
export const handleAskUpdateSubmission =
  (deps: SlackDeps) =>
  async ({ ack, body, view }: ViewArgs) => {
    const fail = (message: string, blockId: string = UPDATE_BLOCKS.status) =>
      ack({ response_action: 'errors', errors: { [blockId]: message } });
    const parsed = parseAskUpdateSubmission(view.private_metadata, view.state.values);
    if (parsed.ok === 'malformed') return fail('This form could not be read. Close it and try again.');
    const actor = await deps.directory.actor(body.user.id, body.user.team_id);
    const result = await guardedWrite(deps, fail, () => changeAsk(deps, { ...parsed, actor }));
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
  };

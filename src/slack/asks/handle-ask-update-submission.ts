import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { shipGroup } from '../../domain/asks/link-enhancements.js';
import { updateAsk } from '../../domain/asks/update-ask.js';
import type { SlackDeps } from '../bolt/deps.js';
import { guardedWrite } from '../bolt/guarded-write.js';
import { askForFeedback } from '../feedback/ask-for-feedback.js';
import { askChanged } from './ask-changed.js';
import { UPDATE_BLOCKS } from './ids.js';
import { parseAskUpdateSubmission } from './parse-ask-update-submission.js';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** The update form's Save: the change is checked and stored before the ack; the card and thread follow. */
export const handleAskUpdateSubmission =
  (deps: SlackDeps) =>
  async ({ ack, body, view, client }: ViewArgs) => {
    const fail = (message: string, blockId: string = UPDATE_BLOCKS.status) =>
      ack({ response_action: 'errors', errors: { [blockId]: message } });
    const parsed = parseAskUpdateSubmission(view.private_metadata, view.state.values);
    if (parsed.ok === 'malformed') return fail('This form could not be read. Close it and try again.');
    const actor = await deps.directory.actor(body.user.id, body.user.team_id);
    const repos = { asks: deps.repositories.asks, clock: deps.clock };
    const result = await guardedWrite(deps, fail, () =>
      updateAsk({ ...repos, directory: deps.directory }, { ...parsed, actor }),
    );
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
    const { ask, entries } = result.value;
    await askChanged(client, deps, ask, entries, parsed.internalNote);
    if (entries.some((e) => e.action === 'status' && e.to === 'shipped')) {
      const shippedNote = entries.find((e) => e.note)?.note ?? null;
      for (const change of await shipGroup(repos, ask, actor, shippedNote)) {
        await askChanged(client, deps, change.ask, change.entries, null);
      }
    }
    await askForFeedback(client, deps, ask, entries);
  };

import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { addDetailsToAsk } from '../../app/asks/act-on-ask.js';
import type { SlackDeps } from '../bolt/deps.js';
import { guardedWrite } from '../bolt/guarded-write.js';
import { INPUT } from '../shared/ids.js';
import { parseMetadata } from '../shared/json-metadata.js';
import { element, viewStateValues } from '../shared/view-state.js';
import { DETAILS_BLOCKS } from './ids.js';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** "Add details" from either side: stored before the ack; the owner hears of it in the thread after. */
export const handleAddDetails =
  (deps: SlackDeps) =>
  async ({ ack, body, view }: ViewArgs): Promise<void> => {
    const fail = (message: string) =>
      ack({ response_action: 'errors', errors: { [DETAILS_BLOCKS.text]: message } });
    const metadata = parseMetadata(view.private_metadata, z.object({ askId: z.string() }));
    const values = viewStateValues.safeParse(view.state.values);
    const text = values.success ? (element(values.data, DETAILS_BLOCKS.text, INPUT).value ?? '') : '';
    if (!metadata) return fail('This form could not be read. Close it and try again.');
    const actor = await deps.directory.actor(body.user.id, body.user.team_id);
    const result = await guardedWrite(deps, fail, () => addDetailsToAsk(deps, metadata.askId, actor, text));
    if (!result) return;
    if (!result.ok)
      return fail(
        result.error.code === 'not_found' ? 'That request no longer exists.' : result.error.message,
      );
    await ack();
  };

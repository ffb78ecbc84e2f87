import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { KnownBlock, View } from '@slack/types';
import type { SlackDeps } from '../bolt/deps.js';
import { describeSchedule } from '../shared/describe-schedule.js';
import { escapeText } from '../shared/escape.js';
import { INPUT } from '../shared/ids.js';
import { element, viewStateValues } from '../shared/view-state.js';
import { SETUP_BLOCKS } from './ids.js';
import { readDigestSchedule } from './parse-setup-submission.js';
import { digestPreviewBlock } from './setup-modal.js';

type Args = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/**
 * Enter in the setup form's digest schedule or zone: the preview under them is redrawn for what was
 * typed. Only that block changes, so Slack keeps every other field's input as the user left it.
 */
export const handleSchedulePreview =
  (deps: SlackDeps) =>
  async ({ body, client }: Args): Promise<void> => {
    const view = body.view;
    const values = viewStateValues.safeParse(view?.state?.values);
    if (!view || !values.success) {
      deps.logger.event('warn', 'schedule preview without a readable form', { userId: body.user.id });
      return;
    }
    const zone = (element(values.data, SETUP_BLOCKS.timeZone, INPUT).value ?? '').trim() || 'UTC';
    const text = escapeText(describeSchedule(readDigestSchedule(values.data, zone), deps.clock.now()));
    const blocks = (view.blocks as KnownBlock[]).map((block) =>
      block.block_id === SETUP_BLOCKS.digestPreview ? digestPreviewBlock(text) : block,
    );
    const updated: View = {
      type: 'modal',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      title: view.title,
      ...(view.submit ? { submit: view.submit } : {}),
      ...(view.close ? { close: view.close } : {}),
      blocks,
    };
    await client.views.update({ view_id: view.id, hash: view.hash, view: updated });
  };

import type { App, BlockAction } from '@slack/bolt';
import type { SlackDeps } from '../bolt/deps.js';
import { guardSubmission } from '../bolt/guarded-write.js';
import type { Subcommands } from '../commands/command-args.js';
import { INPUT } from '../shared/ids.js';
import { handleSchedulePreview } from './handle-schedule-preview.js';
import { handleSetupSubmission } from './handle-setup-submission.js';
import { SETUP_BLOCKS, SETUP_VIEWS } from './ids.js';
import { openSetupModal } from './open-setup-modal.js';
import { showStatus } from './show-status.js';

export const setupSubcommands: Subcommands = {
  setup: openSetupModal,
  status: showStatus,
};

/** Setting a channel up: the setup form, its live digest-schedule preview, and `/rapport status`. */
export function registerSetup(app: App, deps: SlackDeps): void {
  app.view(SETUP_VIEWS.setup, guardSubmission(deps, handleSetupSubmission(deps)));
  for (const blockId of [SETUP_BLOCKS.digestCron, SETUP_BLOCKS.digestTimeZone]) {
    app.action<BlockAction>({ block_id: blockId, action_id: INPUT }, handleSchedulePreview(deps));
  }
}

import { autoAcknowledge } from '@slack/bolt';
import type { SlackDeps } from '../bolt/deps.js';
import { identifyActor, onlyVendor } from '../bolt/identify-actor.js';
import { onSubmission } from '../bolt/listen.js';
import type { Listeners } from '../bolt/listeners.js';
import { channelOfCommand, requirePartnership } from '../bolt/request-partnership.js';
import type { Subcommands } from '../commands/command-args.js';
import { INPUT } from '../shared/ids.js';
import { handleSchedulePreview } from './handle-schedule-preview.js';
import { handleSetupSubmission } from './handle-setup-submission.js';
import { SETUP_BLOCKS, SETUP_VIEWS } from './ids.js';
import { openSetupModal, SETUP_REFUSAL } from './open-setup-modal.js';
import { showStatus } from './show-status.js';

export const setupSubcommands = (deps: SlackDeps): Subcommands => ({
  setup: [identifyActor, onlyVendor(SETUP_REFUSAL), openSetupModal(deps.clock)],
  status: [requirePartnership(channelOfCommand), showStatus(deps.clock)],
});

/** Setting a channel up: the setup form, its live digest-schedule preview, and `/rapport status`. */
export function registerSetup(listeners: Listeners, deps: SlackDeps): void {
  onSubmission(listeners, SETUP_VIEWS.setup, identifyActor, handleSetupSubmission(deps));
  for (const blockId of [SETUP_BLOCKS.digestCron, SETUP_BLOCKS.digestTimeZone]) {
    listeners.action({ block_id: blockId, action_id: INPUT }, autoAcknowledge, handleSchedulePreview(deps));
  }
}

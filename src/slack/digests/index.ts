import type { SlackDeps } from '../bolt/deps.js';
import { identifyActor, onlyVendor } from '../bolt/identify-actor.js';
import { onButton } from '../bolt/listen.js';
import type { Listeners } from '../bolt/listeners.js';
import { channelOfCommand, partnershipOfButton, requirePartnership } from '../bolt/request-partnership.js';
import type { Subcommands } from '../commands/command-args.js';
import {
  DIGEST_BUTTON_REFUSAL,
  handleEditDigestSchedule,
  handlePostDigestNow,
} from './handle-digest-buttons.js';
import { DIGEST_ACTIONS } from './ids.js';
import { DIGEST_PREVIEW_REFUSAL, showDigestPreview } from './show-digest-preview.js';

export const digestSubcommands = (deps: SlackDeps): Subcommands => ({
  digest: [
    requirePartnership(channelOfCommand),
    identifyActor,
    onlyVendor(DIGEST_PREVIEW_REFUSAL),
    showDigestPreview(deps.clock),
  ],
});

/** Digests: `/rapport digest` (a private preview) and the preview's buttons. */
export function registerDigests(listeners: Listeners, deps: SlackDeps): void {
  const checks = [requirePartnership(partnershipOfButton), identifyActor, onlyVendor(DIGEST_BUTTON_REFUSAL)];
  onButton(listeners, DIGEST_ACTIONS.postNow, ...checks, handlePostDigestNow(deps));
  onButton(listeners, DIGEST_ACTIONS.editSchedule, ...checks, handleEditDigestSchedule(deps));
}

import type { App, BlockButtonAction } from '@slack/bolt';
import type { SlackDeps } from '../bolt/deps.js';
import type { Subcommands } from '../commands/command-args.js';
import { handleEditDigestSchedule, handlePostDigestNow } from './handle-digest-buttons.js';
import { DIGEST_ACTIONS } from './ids.js';
import { showDigestPreview } from './show-digest-preview.js';

export const digestSubcommands: Subcommands = { digest: showDigestPreview };

/** Digests: `/rapport digest` (a private preview) and the preview's buttons. */
export function registerDigests(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(DIGEST_ACTIONS.postNow, handlePostDigestNow(deps));
  app.action<BlockButtonAction>(DIGEST_ACTIONS.editSchedule, handleEditDigestSchedule(deps));
}

import type { SlackDeps } from '../../deps.js';
import { previewDigest } from '../../digests/preview-digest.js';
import { buildNotSetUpHint } from '../../views/not-set-up-hint.js';
import type { CommandArgs } from './handle-rapport-command.js';

/** `/rapport digest`: the digest as it would be posted now, privately, with Post now and Edit schedule. */
export async function showDigestPreview(deps: SlackDeps, { command, respond }: CommandArgs): Promise<void> {
  const [partnership, actor] = await Promise.all([
    deps.repositories.partnerships.findByChannel(command.channel_id),
    deps.directory.actor(command.user_id),
  ]);
  if (!partnership) {
    await respond({ response_type: 'ephemeral', ...buildNotSetUpHint() });
    return;
  }
  if (actor.side !== 'vendor') {
    await respond({
      response_type: 'ephemeral',
      text: 'Only people at the vendor can preview and post digests.',
    });
    return;
  }
  await respond({ response_type: 'ephemeral', ...(await previewDigest(deps, partnership)) });
}

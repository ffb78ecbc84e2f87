import type { SlackDeps } from '../../deps.js';
import { previewDigest } from '../../digests/preview-digest.js';
import type { CommandArgs } from './handle-rapport-command.js';
import { vendorPartnership } from './vendor-partnership.js';

/** `/rapport digest`: the digest as it would be posted now, privately, with Post now and Edit schedule. */
export async function showDigestPreview(deps: SlackDeps, args: CommandArgs): Promise<void> {
  const partnership = await vendorPartnership(
    deps,
    args,
    'Only people at the vendor can preview and post digests.',
  );
  if (!partnership) return;
  await args.respond({ response_type: 'ephemeral', ...(await previewDigest(deps, partnership)) });
}

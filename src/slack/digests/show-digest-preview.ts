import type { SlackDeps } from '../bolt/deps.js';
import type { CommandArgs } from '../commands/command-args.js';
import { vendorPartnership } from '../setup/vendor-partnership.js';
import { previewDigest } from './preview-digest.js';

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

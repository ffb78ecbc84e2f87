import type { Clock } from '../../domain/ports.js';
import type { PartnershipContext } from '../bolt/rapport-context.js';
import type { CommandArgs } from '../commands/command-args.js';
import { previewDigest } from './preview-digest.js';

export const DIGEST_PREVIEW_REFUSAL = 'Only people at the vendor can preview and post digests.';

/**
 * `/rapport digest` in a partnership channel, for people at the vendor: the digest as it would be posted
 * now, privately, with Post now and Edit schedule.
 */
export const showDigestPreview =
  (clock: Clock) =>
  async ({ respond, context }: CommandArgs<PartnershipContext>): Promise<void> => {
    const preview = await previewDigest(context.workspace.repositories, context.partnership, clock.now());
    await respond({ response_type: 'ephemeral', ...preview });
  };

import type { AllMiddlewareArgs } from '@slack/bolt';
import { claimManualDigest } from '../../domain/digests/take-due-digests.js';
import type { SlackDeps } from '../bolt/deps.js';
import type { ButtonArgs } from '../bolt/listen.js';
import type { PartnershipContext } from '../bolt/rapport-context.js';
import { openSetupForm } from '../setup/open-setup-modal.js';

type Args = ButtonArgs & AllMiddlewareArgs<PartnershipContext>;

const DAY_MS = 86_400_000;

/** Both buttons sit on a private preview; still, only the vendor side may use them (onlyVendor). */
export const DIGEST_BUTTON_REFUSAL = 'Only people at the vendor can post digests.';

/**
 * "Post now": the digest goes out at once, outside the schedule, and the preview says where it went.
 * A second click (or a retried delivery) on the same preview finds its marker taken and posts nothing.
 */
export const handlePostDigestNow =
  (deps: SlackDeps) =>
  async ({ body, respond, context }: Args): Promise<void> => {
    const { partnership, workspace } = context;
    const { repositories } = workspace;
    const now = deps.clock.now();
    const preview = body.container?.message_ts ?? body.actions[0]?.action_ts ?? '';
    const key = `digest-post-now:${partnership.id}:${preview}`;
    if (!(await repositories.markers.claim(key, now, new Date(now.getTime() + DAY_MS)))) return;
    const claim = await claimManualDigest({ ...repositories, newId: deps.newId }, partnership, now);
    if (!claim) return;
    const report = await deps.publishDigests(workspace, [claim]);
    const record = await repositories.digests.findById(claim.record.id);
    await respond({
      replace_original: true,
      text:
        report.posted === 1
          ? `Posted the digest in <#${partnership.channelId}>.`
          : `The digest could not be posted: \`${record?.error ?? 'unknown error'}\`. Nothing was lost; try again, or check that I am in the channel.`,
    });
  };

/** "Edit schedule": the setup form, where the schedule lives with the partnership's other settings. */
export const handleEditDigestSchedule =
  (deps: SlackDeps) =>
  async ({ body, client, context }: Args): Promise<void> => {
    await openSetupForm(context.workspace, deps.clock, client, {
      channelId: context.partnership.channelId,
      userId: body.user.id,
      triggerId: body.trigger_id,
    });
  };

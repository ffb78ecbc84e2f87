import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { claimManualDigest } from '../../domain/digests/take-due-digests.js';
import type { SlackDeps } from '../bolt/deps.js';
import { openSetupForm } from '../setup/open-setup-modal.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

const DAY_MS = 86_400_000;

/** Both buttons sit on a private preview; still, only the vendor side may use them. */
async function vendorPartnership(deps: SlackDeps, { body, action, respond }: ButtonArgs) {
  const [partnership, actor] = await Promise.all([
    deps.repositories.partnerships.findById(action.value ?? ''),
    deps.directory.actor(body.user.id, body.user.team_id),
  ]);
  if (partnership && actor.side === 'vendor') return partnership;
  await respond({
    response_type: 'ephemeral',
    replace_original: false,
    text: partnership ? 'Only people at the vendor can post digests.' : 'That partnership no longer exists.',
  });
  return null;
}

/**
 * "Post now": the digest goes out at once, outside the schedule, and the preview says where it went.
 * A second click (or a retried delivery) on the same preview finds its marker taken and posts nothing.
 */
export const handlePostDigestNow =
  (deps: SlackDeps) =>
  async (args: ButtonArgs): Promise<void> => {
    const { ack, body, respond } = args;
    await ack();
    const partnership = await vendorPartnership(deps, args);
    if (!partnership) return;
    const now = deps.clock.now();
    const preview = body.container?.message_ts ?? body.actions[0]?.action_ts ?? '';
    const key = `digest-post-now:${partnership.id}:${preview}`;
    if (!(await deps.repositories.markers.claim(key, now, new Date(now.getTime() + DAY_MS)))) return;
    const claim = await claimManualDigest({ ...deps.repositories, newId: deps.newId }, partnership, now);
    if (!claim) return;
    const report = await deps.publishDigests([claim]);
    const record = await deps.repositories.digests.findById(claim.record.id);
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
  async (args: ButtonArgs): Promise<void> => {
    const { ack, body, client, respond } = args;
    await ack();
    const partnership = await vendorPartnership(deps, args);
    if (!partnership) return;
    const refusal = await openSetupForm(deps, client, {
      channelId: partnership.channelId,
      userId: body.user.id,
      triggerId: body.trigger_id,
    });
    if (refusal) await respond({ response_type: 'ephemeral', replace_original: false, text: refusal });
  };

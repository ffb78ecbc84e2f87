import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { planOf } from '../../domain/plan/default-plan.js';
import type { SlackDeps } from '../bolt/deps.js';
import { buildPlanModal } from './plan-modal.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/**
 * "Edit plan", on the pinned plan (both sides see it) or on a private `/rapport plan`: the form, for
 * people at the vendor only; anyone else is told privately, and the message is left alone.
 */
export const handleEditPlanButton =
  (deps: SlackDeps) =>
  async ({ ack, body, action, client, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const [partnership, actor] = await Promise.all([
      deps.repositories.partnerships.findById(action.value ?? ''),
      deps.directory.actor(body.user.id, body.user.team_id),
    ]);
    const tell = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
    if (!partnership) {
      await tell('This channel is no longer set up as a partnership.');
      return;
    }
    if (actor.side !== 'vendor') {
      await tell(
        `Only people at the vendor can edit the communication plan. If something in it should change, tell <@${partnership.ownerId}> here.`,
      );
      return;
    }
    const view = buildPlanModal({
      metadata: { partnershipId: partnership.id, expectedVersion: partnership.version },
      accountName: partnership.accountName,
      content: planOf(partnership).content,
    });
    await client.views.open({ trigger_id: body.trigger_id, view });
  };

import type { AllMiddlewareArgs } from '@slack/bolt';
import { planOf } from '../../domain/plan/default-plan.js';
import { answerPrivately } from '../bolt/answer-privately.js';
import type { ButtonArgs } from '../bolt/listen.js';
import type { ActorContext, PartnershipContext } from '../bolt/rapport-context.js';
import { buildPlanModal } from './plan-modal.js';

/**
 * "Edit plan", on the pinned plan (both sides see it) or on a private `/rapport plan`, for the partnership
 * it names: the form, for people at the vendor only; anyone else is told privately, and the message is
 * left alone.
 */
export const handleEditPlanButton = async (
  args: ButtonArgs & AllMiddlewareArgs<PartnershipContext & ActorContext>,
): Promise<void> => {
  const { body, client, context } = args;
  const { partnership, actor } = context;
  if (actor.side !== 'vendor') {
    const text = `Only people at the vendor can edit the communication plan. If something in it should change, tell <@${partnership.ownerId}> here.`;
    await answerPrivately(args, { text });
    return;
  }
  const view = buildPlanModal({
    metadata: { partnershipId: partnership.id, expectedVersion: partnership.version },
    accountName: partnership.accountName,
    content: planOf(partnership).content,
  });
  await client.views.open({ trigger_id: body.trigger_id, view });
};

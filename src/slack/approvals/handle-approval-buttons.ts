import type { AllMiddlewareArgs } from '@slack/bolt';
import { withdraw } from '../../app/approvals/approval-use-cases.js';
import type { Verdict } from '../../domain/approvals/approval.js';
import { seatsOf } from '../../domain/approvals/rules.js';
import type { Clock } from '../../domain/ports.js';
import { answerPrivately } from '../bolt/answer-privately.js';
import { inRequest, type SlackDeps } from '../bolt/deps.js';
import type { ButtonArgs } from '../bolt/listen.js';
import type { ActorContext, PartnershipContext } from '../bolt/rapport-context.js';
import { buildApproveModal, buildRejectModal } from './approval-modal.js';
import { describeApprovalRefusal } from './approval-refusal.js';
import { approvalRequestForm } from './request-form.js';

type Args<C> = ButtonArgs & AllMiddlewareArgs<C>;

/** A private answer to whoever clicked, in the channel or DM the button is in; the card is left alone. */
const tell = (args: Args<ActorContext>, text: string) => answerPrivately(args, { text });

/** "Ask for approval" on the welcome message: the request form, for anyone in the channel, either side. */
export const handleAskForApprovalButton =
  (clock: Clock) =>
  async ({ body, client, context }: Args<PartnershipContext>): Promise<void> => {
    const view = approvalRequestForm(context.partnership, clock.now());
    await client.views.open({ trigger_id: body.trigger_id, view });
  };

/**
 * Approve or Reject on a card or a reminder: the decision form, once it is clear the clicker may
 * decide. Anyone else is told privately who can, before typing anything.
 */
export const handleDecisionButton =
  (verdict: Verdict) =>
  async (args: Args<ActorContext>): Promise<void> => {
    const { body, action, client, context } = args;
    const approval = await context.workspace.repositories.approvals.findById(action.value ?? '');
    if (!approval) return tell(args, 'That approval request no longer exists.');
    const seats = seatsOf(approval, context.actor);
    if (!seats.ok) return tell(args, describeApprovalRefusal(seats.error));
    if (approval.state !== 'pending') {
      return tell(args, `This approval is already ${approval.state}: decisions are closed.`);
    }
    const view = verdict === 'approved' ? buildApproveModal(approval.id) : buildRejectModal(approval.id);
    await client.views.open({ trigger_id: body.trigger_id, view });
  };

/** Withdraw on a card: only the requester, only while pending; a repeat changes nothing. */
export const handleWithdrawButton =
  (services: SlackDeps) =>
  async (args: Args<ActorContext>): Promise<void> => {
    const { action, context } = args;
    const deps = inRequest(services, context);
    const result = await withdraw(deps, action.value ?? '', context.actor);
    if (!result.ok) return tell(args, describeApprovalRefusal(result.error));
  };

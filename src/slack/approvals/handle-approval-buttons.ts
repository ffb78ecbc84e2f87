import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { withdraw } from '../../app/approvals/approval-use-cases.js';
import type { Verdict } from '../../domain/approvals/approval.js';
import { seatsOf } from '../../domain/approvals/rules.js';
import type { SlackDeps } from '../bolt/deps.js';
import { buildNotSetUpHint } from '../setup/not-set-up-hint.js';
import { buildApproveModal, buildRejectModal } from './approval-modal.js';
import { describeApprovalRefusal } from './approval-refusal.js';
import { approvalRequestForm } from './request-form.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** A private answer to whoever clicked, in the channel or DM the button is in; the card is left alone. */
async function tell(respond: ButtonArgs['respond'], text: string): Promise<void> {
  await respond({ response_type: 'ephemeral', replace_original: false, text });
}

/** "Ask for sign-off" on the welcome message: the request form, for anyone in the channel, either side. */
export const handleAskForApprovalButton =
  (deps: SlackDeps) =>
  async ({ ack, body, client, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const view = body.channel ? await approvalRequestForm(deps, body.channel.id) : null;
    if (!view) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...buildNotSetUpHint() });
      return;
    }
    await client.views.open({ trigger_id: body.trigger_id, view });
  };

/**
 * Approve or Reject on a card or a reminder: the decision form, once it is clear the clicker may
 * decide. Anyone else is told privately who can, before typing anything.
 */
export const handleDecisionButton =
  (deps: SlackDeps, verdict: Verdict) =>
  async ({ ack, body, action, client, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const approval = await deps.repositories.approvals.findById(action.value ?? '');
    if (!approval) return tell(respond, 'That sign-off request no longer exists.');
    const actor = await deps.directory.actor(body.user.id, body.user.team_id);
    const seats = seatsOf(approval, actor);
    if (!seats.ok) return tell(respond, describeApprovalRefusal(seats.error));
    if (approval.state !== 'pending') {
      return tell(respond, `This sign-off is already ${approval.state}: decisions are closed.`);
    }
    const view = verdict === 'approved' ? buildApproveModal(approval.id) : buildRejectModal(approval.id);
    await client.views.open({ trigger_id: body.trigger_id, view });
  };

/** Withdraw on a card: only the requester, only while pending; a repeat changes nothing. */
export const handleWithdrawButton =
  (deps: SlackDeps) =>
  async ({ ack, body, action, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const actor = await deps.directory.actor(body.user.id, body.user.team_id);
    const result = await withdraw(deps, action.value ?? '', actor);
    if (!result.ok) return tell(respond, describeApprovalRefusal(result.error));
  };

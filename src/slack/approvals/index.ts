import type { App, BlockButtonAction } from '@slack/bolt';
import type { SlackDeps } from '../bolt/deps.js';
import { guardSubmission } from '../bolt/guarded-write.js';
import type { Subcommands } from '../commands/command-args.js';
import { WELCOME_ACTIONS } from '../setup/ids.js';
import {
  handleAskForApprovalButton,
  handleDecisionButton,
  handleWithdrawButton,
} from './handle-approval-buttons.js';
import { handleApprovalRequest, handleDecisionSubmission } from './handle-approval-submissions.js';
import { APPROVAL_ACTIONS, APPROVAL_VIEWS } from './ids.js';
import { openApprovalModal } from './open-approval-modal.js';
import { showApprovals } from './show-approvals.js';

export const approvalSubcommands: Subcommands = {
  approval: openApprovalModal,
  approvals: showApprovals,
};

/** Approvals: the request form, the card's decision buttons and their modals. */
export function registerApprovals(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(WELCOME_ACTIONS.askForApproval, handleAskForApprovalButton(deps));
  app.action<BlockButtonAction>(APPROVAL_ACTIONS.approve, handleDecisionButton(deps, 'approved'));
  app.action<BlockButtonAction>(APPROVAL_ACTIONS.reject, handleDecisionButton(deps, 'rejected'));
  app.action<BlockButtonAction>(APPROVAL_ACTIONS.withdraw, handleWithdrawButton(deps));
  app.view(APPROVAL_VIEWS.request, guardSubmission(deps, handleApprovalRequest(deps)));
  app.view(APPROVAL_VIEWS.approve, guardSubmission(deps, handleDecisionSubmission(deps, 'approved')));
  app.view(APPROVAL_VIEWS.reject, guardSubmission(deps, handleDecisionSubmission(deps, 'rejected')));
}

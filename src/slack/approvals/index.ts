import type { SlackDeps } from '../bolt/deps.js';
import { identifyActor } from '../bolt/identify-actor.js';
import { onButton, onSubmission, type SubmissionArgs } from '../bolt/listen.js';
import type { Listeners } from '../bolt/listeners.js';
import {
  channelOfAction,
  channelOfCommand,
  inChannel,
  requirePartnership,
} from '../bolt/request-partnership.js';
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
import { parseRequestChannel } from './parse-approval-submission.js';
import { showApprovals } from './show-approvals.js';

export const approvalSubcommands = (deps: SlackDeps): Subcommands => ({
  approval: [requirePartnership(channelOfCommand), openApprovalModal(deps.clock)],
  approvals: [showApprovals(deps.clock)],
});

/** Approvals: the request form, the card's decision buttons and their modals. */
export function registerApprovals(listeners: Listeners, deps: SlackDeps): void {
  onButton(
    listeners,
    WELCOME_ACTIONS.askForApproval,
    requirePartnership(channelOfAction),
    handleAskForApprovalButton(deps.clock),
  );
  onButton(listeners, APPROVAL_ACTIONS.approve, identifyActor, handleDecisionButton('approved'));
  onButton(listeners, APPROVAL_ACTIONS.reject, identifyActor, handleDecisionButton('rejected'));
  onButton(listeners, APPROVAL_ACTIONS.withdraw, identifyActor, handleWithdrawButton(deps));
  const inFormPartnership = requirePartnership(({ view }: SubmissionArgs) =>
    inChannel(parseRequestChannel(view.private_metadata)),
  );
  onSubmission(
    listeners,
    APPROVAL_VIEWS.request,
    inFormPartnership,
    identifyActor,
    handleApprovalRequest(deps),
  );
  onSubmission(listeners, APPROVAL_VIEWS.approve, identifyActor, handleDecisionSubmission(deps, 'approved'));
  onSubmission(listeners, APPROVAL_VIEWS.reject, identifyActor, handleDecisionSubmission(deps, 'rejected'));
}

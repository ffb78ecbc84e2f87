import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { APPROVAL_VIEWS, CONNECT_VIEWS, NAG_VIEWS, PEOPLE_VIEWS, PLAN_VIEWS, VIEWS } from '../../ids.js';
import { guardSubmission } from './guarded-write.js';
import { handleAddDetails } from './handle-add-details.js';
import { handleApprovalRequest, handleDecisionSubmission } from './handle-approval-submissions.js';
import { handleAskSubmission } from './handle-ask-submission.js';
import { handleAskUpdateSubmission } from './handle-ask-update-submission.js';
import { handleConnectSubmission } from './handle-connect-submission.js';
import { handleFeedbackComment } from './handle-feedback-comment.js';
import { handleReassignSubmission, handleSnoozeSubmission } from './handle-nag-forms.js';
import { handlePeopleSubmission } from './handle-people-submission.js';
import { handlePlanSubmission } from './handle-plan-submission.js';
import { handleSetupSubmission } from './handle-setup-submission.js';

export function registerViews(app: App, deps: SlackDeps): void {
  // Every form: a failure before its ack (the store away, say) is an inline error, the input kept.
  const view = (callbackId: string, listener: Parameters<typeof guardSubmission>[1]) =>
    app.view(callbackId, guardSubmission(deps, listener));
  view(VIEWS.setup, handleSetupSubmission(deps));
  view(CONNECT_VIEWS.create, handleConnectSubmission(deps));
  view(VIEWS.ask, handleAskSubmission(deps));
  view(VIEWS.askUpdate, handleAskUpdateSubmission(deps));
  view(VIEWS.feedbackComment, handleFeedbackComment(deps));
  view(VIEWS.addDetails, handleAddDetails(deps));
  view(NAG_VIEWS.snooze, handleSnoozeSubmission(deps));
  view(NAG_VIEWS.reassign, handleReassignSubmission(deps));
  view(APPROVAL_VIEWS.request, handleApprovalRequest(deps));
  view(PEOPLE_VIEWS.edit, handlePeopleSubmission(deps));
  view(APPROVAL_VIEWS.approve, handleDecisionSubmission(deps, 'approved'));
  view(APPROVAL_VIEWS.reject, handleDecisionSubmission(deps, 'rejected'));
  view(PLAN_VIEWS.edit, handlePlanSubmission(deps));
}

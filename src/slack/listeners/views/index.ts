import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { APPROVAL_VIEWS, CONNECT_VIEWS, NAG_VIEWS, PEOPLE_VIEWS, PLAN_VIEWS, VIEWS } from '../../ids.js';
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
  app.view(VIEWS.setup, handleSetupSubmission(deps));
  app.view(CONNECT_VIEWS.create, handleConnectSubmission(deps));
  app.view(VIEWS.ask, handleAskSubmission(deps));
  app.view(VIEWS.askUpdate, handleAskUpdateSubmission(deps));
  app.view(VIEWS.feedbackComment, handleFeedbackComment(deps));
  app.view(VIEWS.addDetails, handleAddDetails(deps));
  app.view(NAG_VIEWS.snooze, handleSnoozeSubmission(deps));
  app.view(NAG_VIEWS.reassign, handleReassignSubmission(deps));
  app.view(APPROVAL_VIEWS.request, handleApprovalRequest(deps));
  app.view(PEOPLE_VIEWS.edit, handlePeopleSubmission(deps));
  app.view(APPROVAL_VIEWS.approve, handleDecisionSubmission(deps, 'approved'));
  app.view(APPROVAL_VIEWS.reject, handleDecisionSubmission(deps, 'rejected'));
  app.view(PLAN_VIEWS.edit, handlePlanSubmission(deps));
}

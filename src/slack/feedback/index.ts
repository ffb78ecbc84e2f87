import type { App, BlockButtonAction } from '@slack/bolt';
import type { SlackDeps } from '../bolt/deps.js';
import { guardSubmission } from '../bolt/guarded-write.js';
import { handleCommentButton, handleRating } from './handle-feedback-buttons.js';
import { handleFeedbackComment } from './handle-feedback-comment.js';
import { FEEDBACK_ACTIONS, FEEDBACK_VIEWS } from './ids.js';

/** Feedback on a resolved ask: the rating buttons and the comment form. */
export function registerFeedback(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(FEEDBACK_ACTIONS.good, handleRating(deps, 'good'));
  app.action<BlockButtonAction>(FEEDBACK_ACTIONS.bad, handleRating(deps, 'bad'));
  app.action<BlockButtonAction>(FEEDBACK_ACTIONS.comment, handleCommentButton(deps));
  app.view(FEEDBACK_VIEWS.comment, guardSubmission(deps, handleFeedbackComment(deps)));
}

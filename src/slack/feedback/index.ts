import type { SlackDeps } from '../bolt/deps.js';
import { identifyActor } from '../bolt/identify-actor.js';
import { onButton, onSubmission } from '../bolt/listen.js';
import type { Listeners } from '../bolt/listeners.js';
import { handleCommentButton, handleRating } from './handle-feedback-buttons.js';
import { handleFeedbackComment } from './handle-feedback-comment.js';
import { FEEDBACK_ACTIONS, FEEDBACK_VIEWS } from './ids.js';

/** Feedback on a resolved ask: the rating buttons and the comment form. */
export function registerFeedback(listeners: Listeners, deps: SlackDeps): void {
  onButton(listeners, FEEDBACK_ACTIONS.good, identifyActor, handleRating(deps, 'good'));
  onButton(listeners, FEEDBACK_ACTIONS.bad, identifyActor, handleRating(deps, 'bad'));
  onButton(listeners, FEEDBACK_ACTIONS.comment, handleCommentButton);
  onSubmission(listeners, FEEDBACK_VIEWS.comment, identifyActor, handleFeedbackComment(deps));
}

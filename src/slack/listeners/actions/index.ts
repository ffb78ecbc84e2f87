import type { App, BlockButtonAction } from '@slack/bolt';
import { assignAsk, voteForAsk, withdrawAsk } from '../../../domain/asks/ask-actions.js';
import type { SlackDeps } from '../../deps.js';
import { ACTIONS, NAG_ACTIONS } from '../../ids.js';
import { type AskAction, handleAskAction } from './handle-ask-action.js';
import { handleCommentButton, handleRating } from './handle-feedback.js';
import { handleNagDismiss, handleNagFormButton, handleNagOpen } from './handle-nag-buttons.js';
import { handleAddDetailsButton, handleUpdateButton } from './handle-update-button.js';
import { handleAskButton, handleListPage, handleSeeOpenAsks } from './handle-welcome-buttons.js';

export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTIONS.askUpdate, handleUpdateButton(deps));
  app.action<BlockButtonAction>(ACTIONS.askAddDetails, handleAddDetailsButton(deps));
  const repos = { asks: deps.repositories.asks, clock: deps.clock };
  const take: AskAction = (askId, actor) => assignAsk(repos, askId, actor, actor.userId);
  app.action<BlockButtonAction>(ACTIONS.askTake, handleAskAction(deps, take));
  app.action<BlockButtonAction>(
    ACTIONS.askVote,
    handleAskAction(deps, (askId, actor) => voteForAsk(repos, askId, actor)),
  );
  app.action<BlockButtonAction>(
    ACTIONS.askWithdraw,
    handleAskAction(deps, (askId, actor) => withdrawAsk(repos, askId, actor)),
  );
  app.action<BlockButtonAction>(ACTIONS.feedbackGood, handleRating(deps, 'good'));
  app.action<BlockButtonAction>(ACTIONS.feedbackBad, handleRating(deps, 'bad'));
  app.action<BlockButtonAction>(ACTIONS.feedbackComment, handleCommentButton(deps));
  app.action<BlockButtonAction>(ACTIONS.askForHelp, handleAskButton(deps, 'help'));
  app.action<BlockButtonAction>(ACTIONS.suggestImprovement, handleAskButton(deps, 'enhancement'));
  app.action<BlockButtonAction>(ACTIONS.seeOpenAsks, handleSeeOpenAsks(deps));
  app.action<BlockButtonAction>(ACTIONS.listPrevious, handleListPage(deps));
  app.action<BlockButtonAction>(ACTIONS.listNext, handleListPage(deps));
  app.action<BlockButtonAction>(NAG_ACTIONS.open, handleNagOpen);
  app.action<BlockButtonAction>(NAG_ACTIONS.snooze, handleNagFormButton(deps, 'snooze'));
  app.action<BlockButtonAction>(NAG_ACTIONS.reassign, handleNagFormButton(deps, 'reassign'));
  app.action<BlockButtonAction>(NAG_ACTIONS.dismiss, handleNagDismiss(deps));
}

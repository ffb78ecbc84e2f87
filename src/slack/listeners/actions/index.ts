import type { App, BlockAction, BlockButtonAction } from '@slack/bolt';
import { assignAsk, voteForAsk, withdrawAsk } from '../../../domain/asks/ask-actions.js';
import type { SlackDeps } from '../../deps.js';
import {
  ACTIONS,
  APPROVAL_ACTIONS,
  DIGEST_ACTIONS,
  INPUT,
  NAG_ACTIONS,
  PLAN_ACTIONS,
  SETUP_BLOCKS,
} from '../../ids.js';
import {
  handleDecisionButton,
  handleSignOffButton,
  handleWithdrawButton,
} from './handle-approval-buttons.js';
import { type AskAction, handleAskAction } from './handle-ask-action.js';
import { handleEditDigestSchedule, handlePostDigestNow } from './handle-digest-buttons.js';
import { handleCommentButton, handleRating } from './handle-feedback.js';
import { handleNagDismiss, handleNagFormButton, handleNagOpen } from './handle-nag-buttons.js';
import { handleEditPlanButton } from './handle-plan-buttons.js';
import { handleSchedulePreview } from './handle-schedule-preview.js';
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
  app.action<BlockButtonAction>(DIGEST_ACTIONS.postNow, handlePostDigestNow(deps));
  app.action<BlockButtonAction>(DIGEST_ACTIONS.editSchedule, handleEditDigestSchedule(deps));
  app.action<BlockButtonAction>(ACTIONS.askForSignOff, handleSignOffButton(deps));
  app.action<BlockButtonAction>(APPROVAL_ACTIONS.approve, handleDecisionButton(deps, 'approved'));
  app.action<BlockButtonAction>(APPROVAL_ACTIONS.reject, handleDecisionButton(deps, 'rejected'));
  app.action<BlockButtonAction>(APPROVAL_ACTIONS.withdraw, handleWithdrawButton(deps));
  app.action<BlockButtonAction>(PLAN_ACTIONS.edit, handleEditPlanButton(deps));
  for (const blockId of [SETUP_BLOCKS.digestCron, SETUP_BLOCKS.digestTimeZone]) {
    app.action<BlockAction>({ block_id: blockId, action_id: INPUT }, handleSchedulePreview(deps));
  }
}

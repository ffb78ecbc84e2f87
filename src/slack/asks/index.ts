import type { App, BlockButtonAction, MessageShortcut } from '@slack/bolt';
import { assignAskTo, voteFor, withdrawAskAsRequester } from '../../app/asks/act-on-ask.js';
import type { SlackDeps } from '../bolt/deps.js';
import { guardSubmission } from '../bolt/guarded-write.js';
import type { Subcommands } from '../commands/command-args.js';
import { WELCOME_ACTIONS } from '../setup/ids.js';
import { handleAddDetails } from './handle-add-details.js';
import { type AskAction, handleAskAction } from './handle-ask-action.js';
import { handleAskSubmission } from './handle-ask-submission.js';
import { handleAskUpdateSubmission } from './handle-ask-update-submission.js';
import { handleRaiseShortcut } from './handle-raise-shortcut.js';
import { handleReactionAdded } from './handle-reaction-added.js';
import { handleAddDetailsButton, handleUpdateButton } from './handle-update-button.js';
import { handleAskButton, handleListPage, handleSeeOpenAsks } from './handle-welcome-buttons.js';
import { ASK_ACTIONS, ASK_SHORTCUTS, ASK_VIEWS } from './ids.js';
import { linkAsks } from './link-asks.js';
import { openAskModal } from './open-ask-modal.js';
import { showList } from './show-list.js';

export const askSubcommands: Subcommands = {
  ask: openAskModal('help'),
  idea: openAskModal('enhancement'),
  need: openAskModal('vendor'),
  list: showList,
  link: linkAsks,
};

/** Asks: the ask and update modals, the card's buttons, the list, the raise shortcut and reactions. */
export function registerAsks(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ASK_ACTIONS.update, handleUpdateButton(deps));
  app.action<BlockButtonAction>(ASK_ACTIONS.addDetails, handleAddDetailsButton(deps));
  const take: AskAction = (askId, actor) => assignAskTo(deps, askId, actor, actor.userId);
  app.action<BlockButtonAction>(ASK_ACTIONS.take, handleAskAction(deps, take));
  app.action<BlockButtonAction>(
    ASK_ACTIONS.vote,
    handleAskAction(deps, (askId, actor) => voteFor(deps, askId, actor)),
  );
  app.action<BlockButtonAction>(
    ASK_ACTIONS.withdraw,
    handleAskAction(deps, (askId, actor) => withdrawAskAsRequester(deps, askId, actor)),
  );
  app.action<BlockButtonAction>(WELCOME_ACTIONS.askForHelp, handleAskButton(deps, 'help'));
  app.action<BlockButtonAction>(WELCOME_ACTIONS.suggestImprovement, handleAskButton(deps, 'enhancement'));
  app.action<BlockButtonAction>(WELCOME_ACTIONS.seeOpenAsks, handleSeeOpenAsks(deps));
  app.action<BlockButtonAction>(ASK_ACTIONS.listPrevious, handleListPage(deps));
  app.action<BlockButtonAction>(ASK_ACTIONS.listNext, handleListPage(deps));
  app.view(ASK_VIEWS.ask, guardSubmission(deps, handleAskSubmission(deps)));
  app.view(ASK_VIEWS.update, guardSubmission(deps, handleAskUpdateSubmission(deps)));
  app.view(ASK_VIEWS.addDetails, guardSubmission(deps, handleAddDetails(deps)));
  app.shortcut<MessageShortcut>(ASK_SHORTCUTS.raise, handleRaiseShortcut(deps));
  app.event('reaction_added', handleReactionAdded(deps));
}

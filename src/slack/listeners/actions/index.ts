import type { App, BlockButtonAction } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { ACTIONS } from '../../ids.js';
import { handleUpdateButton } from './handle-update-button.js';
import { handleAskButton, handleListPage, handleSeeOpenAsks } from './handle-welcome-buttons.js';

export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTIONS.askUpdate, handleUpdateButton(deps));
  app.action<BlockButtonAction>(ACTIONS.askForHelp, handleAskButton(deps, 'help'));
  app.action<BlockButtonAction>(ACTIONS.suggestImprovement, handleAskButton(deps, 'enhancement'));
  app.action<BlockButtonAction>(ACTIONS.seeOpenAsks, handleSeeOpenAsks(deps));
  app.action<BlockButtonAction>(ACTIONS.listPrevious, handleListPage(deps));
  app.action<BlockButtonAction>(ACTIONS.listNext, handleListPage(deps));
}

import type { App, BlockButtonAction } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { ACTIONS } from '../../ids.js';
import { handleUpdateButton } from './handle-update-button.js';

export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTIONS.askUpdate, handleUpdateButton(deps));
}

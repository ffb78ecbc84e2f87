import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { VIEWS } from '../../ids.js';
import { handleSetupSubmission } from './handle-setup-submission.js';

export function registerViews(app: App, deps: SlackDeps): void {
  app.view(VIEWS.setup, handleSetupSubmission(deps));
}

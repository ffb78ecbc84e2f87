import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { COMMAND } from '../../ids.js';
import { handleRapportCommand } from './handle-rapport-command.js';

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command(COMMAND, handleRapportCommand(deps));
}

import type { App, MessageShortcut } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { SHORTCUTS } from '../../ids.js';
import { handleRaiseShortcut } from './handle-raise-shortcut.js';

export function registerShortcuts(app: App, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>(SHORTCUTS.raise, handleRaiseShortcut(deps));
}

import type { App, BlockButtonAction } from '@slack/bolt';
import type { SlackDeps } from '../bolt/deps.js';
import { guardSubmission } from '../bolt/guarded-write.js';
import {
  handleReminderDismiss,
  handleReminderFormButton,
  handleReminderOpen,
} from './handle-reminder-buttons.js';
import { handleReassignSubmission, handleSnoozeSubmission } from './handle-reminder-forms.js';
import { REMINDER_ACTIONS, REMINDER_VIEWS } from './ids.js';

/** Reminders: the buttons on a reminder (open, snooze, reassign, dismiss) and the snooze and reassign forms. */
export function registerReminders(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(REMINDER_ACTIONS.open, handleReminderOpen);
  app.action<BlockButtonAction>(REMINDER_ACTIONS.snooze, handleReminderFormButton(deps, 'snooze'));
  app.action<BlockButtonAction>(REMINDER_ACTIONS.reassign, handleReminderFormButton(deps, 'reassign'));
  app.action<BlockButtonAction>(REMINDER_ACTIONS.dismiss, handleReminderDismiss(deps));
  app.view(REMINDER_VIEWS.snooze, guardSubmission(deps, handleSnoozeSubmission(deps)));
  app.view(REMINDER_VIEWS.reassign, guardSubmission(deps, handleReassignSubmission(deps)));
}

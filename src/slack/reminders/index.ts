import type { SlackDeps } from '../bolt/deps.js';
import { identifyActor } from '../bolt/identify-actor.js';
import { onButton, onSubmission } from '../bolt/listen.js';
import type { Listeners } from '../bolt/listeners.js';
import { handleReminderDismiss, handleReminderFormButton } from './handle-reminder-buttons.js';
import { handleReassignSubmission, handleSnoozeSubmission } from './handle-reminder-forms.js';
import { REMINDER_ACTIONS, REMINDER_VIEWS } from './ids.js';

/** Reminders: the buttons on a reminder (open, snooze, reassign, dismiss) and the snooze and reassign forms. */
export function registerReminders(listeners: Listeners, deps: SlackDeps): void {
  // "Open" is a link button: Slack still sends the click, which only needs its ack.
  onButton(listeners, REMINDER_ACTIONS.open);
  onButton(listeners, REMINDER_ACTIONS.snooze, identifyActor, handleReminderFormButton('snooze'));
  onButton(listeners, REMINDER_ACTIONS.reassign, identifyActor, handleReminderFormButton('reassign'));
  onButton(listeners, REMINDER_ACTIONS.dismiss, identifyActor, handleReminderDismiss(deps));
  onSubmission(listeners, REMINDER_VIEWS.snooze, identifyActor, handleSnoozeSubmission(deps));
  onSubmission(listeners, REMINDER_VIEWS.reassign, identifyActor, handleReassignSubmission(deps));
}

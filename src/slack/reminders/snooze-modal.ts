import type { View } from '@slack/types';
import { SNOOZE_REASON_MAX } from '../../domain/follow-ups/follow-up-actions.js';
import { plain } from '../shared/blocks.js';
import { input, textInput } from '../shared/inputs.js';
import { REMINDER_VIEWS, SNOOZE_BLOCKS } from './ids.js';

const CHOICES = [
  { value: 'hour', text: plain('For 1 hour') },
  { value: 'tomorrow', text: plain('Until my next working day') },
  { value: 'date', text: plain('Until a date (pick it below)') },
];

/** Snooze a reminder: how long, and why (kept on the record). */
export function buildSnoozeModal(followUpId: string): View {
  return {
    type: 'modal',
    callback_id: REMINDER_VIEWS.snooze,
    private_metadata: JSON.stringify({ followUpId }),
    title: plain('Snooze reminders'),
    submit: plain('Snooze'),
    close: plain('Cancel'),
    blocks: [
      input(SNOOZE_BLOCKS.until, 'Snooze', {
        type: 'static_select',
        options: CHOICES,
        initial_option: CHOICES[0],
      }),
      input(SNOOZE_BLOCKS.date, 'Date', { type: 'datepicker' }, { optional: true }),
      textInput(SNOOZE_BLOCKS.reason, 'Why?', {
        max: SNOOZE_REASON_MAX,
        hint: 'Kept with the reminder history. The response target keeps running.',
      }),
    ],
  };
}

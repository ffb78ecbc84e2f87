/**
 * The buttons on a reminder; each carries the follow-up id as its value. The ids still say `nag`:
 * they are in reminders already posted, so they never change.
 */
export const REMINDER_ACTIONS = {
  open: 'nag.open',
  snooze: 'nag.snooze',
  reassign: 'nag.reassign',
  dismiss: 'nag.dismiss',
} as const;

export const REMINDER_VIEWS = {
  snooze: 'rapport.nag.snooze',
  reassign: 'rapport.nag.reassign',
} as const;

export const SNOOZE_BLOCKS = { until: 'snooze.until', date: 'snooze.date', reason: 'snooze.reason' } as const;
export const REASSIGN_BLOCKS = { ownerId: 'reassign.owner' } as const;

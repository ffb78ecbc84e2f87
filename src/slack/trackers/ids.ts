/** The tracker buttons on an ask's triage twin, and the link form. */
export const TRACKER_ACTIONS = {
  send: 'tracker.send',
  link: 'tracker.link',
  promise: 'tracker.promise_due',
} as const;

export const TRACKER_VIEWS = { link: 'rapport.tracker.link' } as const;

export const LINK_BLOCKS = { issue: 'tracker.issue' } as const;

/** The tracker buttons on an ask's triage twin, and the link form. */
export const TRACKER_ACTIONS = {
  send: 'tracker.send',
  link: 'tracker.link',
  promise: 'tracker.promise_due',
} as const;

export const TRACKER_VIEWS = { link: 'rapport.tracker.link', connect: 'rapport.tracker.connect' } as const;

export const LINK_BLOCKS = { issue: 'tracker.issue' } as const;

/** The connect form: one input per field of the tracker (`tracker.field.<name>`), and the status mapping. */
export const CONNECT_BLOCKS = {
  field: (name: string) => `tracker.field.${name}`,
  statusMap: 'tracker.status_map',
} as const;

/** The digest preview's buttons (`/rapport digest`); each carries the partnership id as its value. */
export const DIGEST_ACTIONS = {
  postNow: 'digest.post_now',
  editSchedule: 'digest.edit_schedule',
} as const;

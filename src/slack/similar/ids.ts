/** The buttons under each suggested similar request. */
export const SIMILAR_ACTIONS = {
  link: 'similar.link',
  notSame: 'similar.not_same',
} as const;

export const FEEDBACK_VIEWS = { comment: 'rapport.feedback.comment' } as const;

/** The rating buttons posted when an ask is resolved. */
export const FEEDBACK_ACTIONS = {
  good: 'feedback.good',
  bad: 'feedback.bad',
  comment: 'feedback.comment',
} as const;

export const FEEDBACK_BLOCKS = { comment: 'feedback.comment_text' } as const;

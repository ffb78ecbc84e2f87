import type { View } from '@slack/types';
import type { Feedback } from '../../domain/feedback/feedback.js';
import { type MessageContent, plain, section } from '../shared/blocks.js';
import { textInput } from '../shared/inputs.js';
import { FEEDBACK_ACTIONS, FEEDBACK_BLOCKS, FEEDBACK_VIEWS } from './ids.js';

const button = (actionId: string, text: string, value: string) => ({
  type: 'button' as const,
  action_id: actionId,
  text: plain(text),
  value,
});

/** The private question after a help request is resolved. */
export function buildFeedbackRequest(f: Feedback): MessageContent {
  const text = `*${f.ref}* was resolved. How did we do?`;
  return {
    text,
    blocks: [
      section(text),
      {
        type: 'actions',
        elements: [
          button(FEEDBACK_ACTIONS.good, '👍 Good', f.askId),
          button(FEEDBACK_ACTIONS.bad, '👎 Not good', f.askId),
        ],
      },
    ],
  };
}

/** What the question becomes once answered; the comment stays optional. */
export function buildFeedbackThanks(f: Feedback): MessageContent {
  const rated = f.rating === 'good' ? 'good' : 'not good';
  const text = `Thanks for rating *${f.ref}* as ${rated}.${f.comment ? ' We got your comment too.' : ''}`;
  return {
    text,
    blocks: [
      section(text),
      ...(f.comment
        ? []
        : [
            {
              type: 'actions' as const,
              elements: [button(FEEDBACK_ACTIONS.comment, 'Add a comment', f.askId)],
            },
          ]),
    ],
  };
}

export interface FeedbackCommentMetadata {
  askId: string;
  channel: string;
  ts: string;
}

export function buildFeedbackCommentModal(f: Feedback, metadata: FeedbackCommentMetadata): View {
  return {
    type: 'modal',
    callback_id: FEEDBACK_VIEWS.comment,
    private_metadata: JSON.stringify(metadata),
    title: plain(`Feedback on ${f.ref}`.slice(0, 24)),
    submit: plain('Send'),
    close: plain('Cancel'),
    blocks: [textInput(FEEDBACK_BLOCKS.comment, 'What should we know?', { multiline: true })],
  };
}

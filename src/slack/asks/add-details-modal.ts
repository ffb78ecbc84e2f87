import type { View } from '@slack/types';
import type { Ask } from '../../domain/asks/ask.js';
import { plain, section } from '../shared/blocks.js';
import { safeText } from '../shared/escape.js';
import { textInput } from '../shared/inputs.js';
import { ASK_VIEWS, DETAILS_BLOCKS } from './ids.js';

export function buildAddDetailsModal(ask: Ask): View {
  return {
    type: 'modal',
    callback_id: ASK_VIEWS.addDetails,
    private_metadata: JSON.stringify({ askId: ask.id }),
    title: plain(`Add to ${ask.ref}`.slice(0, 24)),
    submit: plain('Add'),
    close: plain('Cancel'),
    blocks: [
      section(`*${ask.ref}*: ${safeText(ask.content.title, 200)}`),
      textInput(DETAILS_BLOCKS.text, 'What should the team know?', { multiline: true }),
    ],
  };
}

import type { View } from '@slack/types';
import { type AskKind, KIND_LABELS } from '../../domain/asks/ask.js';
import { plain } from '../shared/blocks.js';
import { input, textInput } from '../shared/inputs.js';
import { type AskMetadata, splitPrefill, TITLE_MAX } from './ask-modal.js';
import { ASK_BLOCKS, ASK_VIEWS } from './ids.js';

const kindOption = (kind: AskKind) => ({ text: plain(KIND_LABELS[kind]), value: kind });

/** "Raise as request" on a message: the kind is chosen here; title and details come from the message. */
export function buildRaiseModal(metadata: AskMetadata & { kind: null }, messageText: string): View {
  const { title, details } = splitPrefill(messageText);
  return {
    type: 'modal',
    callback_id: ASK_VIEWS.ask,
    private_metadata: JSON.stringify(metadata),
    title: plain('Raise as request'),
    submit: plain('Raise'),
    close: plain('Cancel'),
    blocks: [
      input(ASK_BLOCKS.kind, 'Kind', {
        type: 'static_select',
        options: (['help', 'enhancement', 'vendor'] as const).map(kindOption),
        initial_option: kindOption('help'),
      }),
      textInput(ASK_BLOCKS.title, 'Title', { initial: title, max: TITLE_MAX }),
      textInput(ASK_BLOCKS.details, 'Details', { initial: details, multiline: true, optional: true }),
      input(
        ASK_BLOCKS.contactId,
        'Who at the customer? (requests to the customer only)',
        { type: 'users_select' },
        { optional: true },
      ),
    ],
  };
}

import type { View } from '@slack/types';
import type { Ask } from '../../domain/asks/ask.js';
import { nextStatuses, STATUS_LABELS } from '../../domain/asks/lifecycle.js';
import { plain, section } from '../shared/blocks.js';
import { safeText } from '../shared/escape.js';
import { input, withInitial } from '../shared/inputs.js';
import { ASK_VIEWS, UPDATE_BLOCKS } from './ids.js';

/** The "Update" form: the current status or a legal next one, notes for each audience, the promise. */
export function buildAskUpdateModal(ask: Ask, vendorSide: boolean): View {
  const option = (status: Ask['status']) => ({ text: plain(STATUS_LABELS[status]), value: status });
  const statuses = [ask.status, ...nextStatuses(ask.kind, ask.status)];
  return {
    type: 'modal',
    callback_id: ASK_VIEWS.update,
    private_metadata: JSON.stringify({ askId: ask.id }),
    title: plain(`Update ${ask.ref}`.slice(0, 24)),
    submit: plain('Save'),
    close: plain('Cancel'),
    blocks: [
      section(`*${ask.ref}*: ${safeText(ask.content.title, 200)}`),
      input(UPDATE_BLOCKS.status, 'Status', {
        type: 'static_select',
        options: statuses.map(option),
        initial_option: option(ask.status),
      }),
      input(
        UPDATE_BLOCKS.note,
        'Note to the customer',
        { type: 'plain_text_input', multiline: true, max_length: 3000 },
        { optional: true, hint: plain('Posted in the channel, mentioning who asked.') },
      ),
      ...(vendorSide
        ? [
            input(
              UPDATE_BLOCKS.internalNote,
              'Internal note',
              { type: 'plain_text_input', multiline: true, max_length: 3000 },
              {
                optional: true,
                hint: plain('Only your team sees this. Never posted in the shared channel.'),
              },
            ),
          ]
        : []),
      ...(vendorSide && ask.kind !== 'vendor'
        ? [input(UPDATE_BLOCKS.ownerId, 'Owner', { type: 'users_select', initial_user: ask.ownerId })]
        : []),
      input(
        UPDATE_BLOCKS.promisedDate,
        'Promised date',
        { type: 'datepicker', ...withInitial('initial_date', ask.promisedDate) },
        {
          optional: true,
          hint: plain('A commitment to the customer; changing it is recorded and shown.'),
        },
      ),
    ],
  };
}

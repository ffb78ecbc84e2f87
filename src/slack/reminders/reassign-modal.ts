import type { View } from '@slack/types';
import { plain } from '../shared/blocks.js';
import { input } from '../shared/inputs.js';
import { REASSIGN_BLOCKS, REMINDER_VIEWS } from './ids.js';

/** Hand what is owed to someone else at the vendor. */
export function buildReassignModal(followUpId: string): View {
  return {
    type: 'modal',
    callback_id: REMINDER_VIEWS.reassign,
    private_metadata: JSON.stringify({ followUpId }),
    title: plain('Reassign'),
    submit: plain('Reassign'),
    close: plain('Cancel'),
    blocks: [input(REASSIGN_BLOCKS.ownerId, 'New owner (at your company)', { type: 'users_select' })],
  };
}

import type { View } from '@slack/types';
import { NAG_VIEWS, REASSIGN_BLOCKS } from '../ids.js';
import { plain } from './blocks.js';
import { input } from './inputs.js';

/** Hand what is owed to someone else at the vendor. */
export function buildReassignModal(followUpId: string): View {
  return {
    type: 'modal',
    callback_id: NAG_VIEWS.reassign,
    private_metadata: JSON.stringify({ followUpId }),
    title: plain('Reassign'),
    submit: plain('Reassign'),
    close: plain('Cancel'),
    blocks: [input(REASSIGN_BLOCKS.ownerId, 'New owner (at your company)', { type: 'users_select' })],
  };
}

import type { View } from '@slack/types';
import type { Partnership } from '../../domain/partnerships/partnership.js';
import { buildApprovalRequestModal } from './approval-modal.js';

/** The request form for a partnership's channel, due times in the partnership's zone. */
export function approvalRequestForm(partnership: Partnership, now: Date, title = ''): View {
  return buildApprovalRequestModal({
    channelId: partnership.channelId,
    title,
    now,
    timeZone: partnership.timeZone,
  });
}

import type { View } from '@slack/types';
import type { SlackDeps } from '../bolt/deps.js';
import { buildApprovalRequestModal } from './approval-modal.js';

/** The request form for a partnership channel, due times in the partnership's zone; null when not set up. */
export async function approvalRequestForm(
  deps: Pick<SlackDeps, 'repositories' | 'clock'>,
  channelId: string,
  title = '',
): Promise<View | null> {
  const partnership = await deps.repositories.partnerships.findByChannel(channelId);
  if (!partnership) return null;
  return buildApprovalRequestModal({
    channelId: partnership.channelId,
    title,
    now: deps.clock.now(),
    timeZone: partnership.timeZone,
  });
}

import type { KnownBlock } from '@slack/types';
import type { Announcement } from '../../domain/announcements/announcement.js';
import type { Partnership } from '../../domain/partnerships/partnership.js';
import { context, type MessageContent, section } from '../shared/blocks.js';
import { truncate } from '../shared/escape.js';
import { mention } from '../shared/mention.js';
import { buildCustomerMessage, describeLocalTime } from './announcement-message.js';
import { ANNOUNCE_ACTIONS } from './ids.js';

/** Slack's limit of elements per actions block, and enough blocks for any owner's book within 50. */
const BUTTONS_PER_ROW = 25;
const MAX_ROWS = 10;

export const leaveOutValue = (announcementId: string, partnershipId: string) =>
  `${announcementId} ${partnershipId}`;

export function parseLeaveOutValue(value: string): { id: string; partnershipId: string } | null {
  const [id, partnershipId, ...rest] = value.split(' ');
  return id && partnershipId && rest.length === 0 ? { id, partnershipId } : null;
}

/**
 * An owner's private notice of a large announcement reaching their partnerships: what it says, when it
 * goes (in the owner's zone), and one button per partnership to leave that customer out until then.
 */
export function buildHoldNotice(a: Announcement, own: Partnership[], timeZone: string): MessageContent {
  const until = describeLocalTime(a.holdUntil ?? new Date(0), timeZone);
  const buttons = own.slice(0, BUTTONS_PER_ROW * MAX_ROWS).map((p) => ({
    type: 'button' as const,
    text: { type: 'plain_text' as const, text: `Leave out ${truncate(p.accountName, 60)}` },
    action_id: ANNOUNCE_ACTIONS.leaveOut,
    value: leaveOutValue(a.id, p.id),
  }));
  const rows: KnownBlock[] = [];
  for (let i = 0; i < buttons.length; i += BUTTONS_PER_ROW) {
    rows.push({ type: 'actions', elements: buttons.slice(i, i + BUTTONS_PER_ROW) });
  }
  const yours = own.length === 1 ? 'one of your partnerships' : `${own.length} of your partnerships`;
  const intro = `${mention(a.createdBy)} is sending an announcement to ${a.partnershipIds.length} partnerships, ${yours} among them. It goes after ${until}: until then you can leave a customer out.`;
  const more = own.length > buttons.length ? [context(`${own.length - buttons.length} more not shown.`)] : [];
  return {
    text: `An announcement will reach ${yours}: you can leave a customer out until ${until}.`,
    blocks: [
      section(intro),
      context('Customers will see:'),
      ...buildCustomerMessage(a).blocks,
      ...rows,
      ...more,
    ],
  };
}

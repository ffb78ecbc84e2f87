import type { KnownBlock } from '@slack/types';
import type { Announcement, AnnouncementDelivery } from '../../domain/announcements/announcement.js';
import { type MessageContent, plain, section } from '../shared/blocks.js';
import { safeText } from '../shared/escape.js';
import { mention } from '../shared/mention.js';
import { ANNOUNCE_ACTIONS } from './ids.js';

const MAX_LISTED = 40;

/** The sender's DM once an announcement has settled: how many channels it reached, and which refused it. */
export function buildSendReport(a: Announcement, deliveries: AnnouncementDelivery[]): MessageContent {
  const posted = deliveries.filter((d) => d.state === 'posted').length;
  const failed = deliveries.filter((d) => d.state === 'failed');
  const title = safeText(a.title, 150);
  const summary = `Your announcement *${title}* reached ${posted} of ${deliveries.length} channels.`;
  const refusals = failed
    .slice(0, MAX_LISTED)
    .map((d) => `• ${d.channelId ? `<#${d.channelId}>` : 'a removed partnership'}: ${d.error ?? 'refused'}`);
  if (failed.length > MAX_LISTED) refusals.push(`… and ${failed.length - MAX_LISTED} more`);
  const refused = failed.length === 0 ? '' : `\nSlack refused ${failed.length}:\n${refusals.join('\n')}`;
  const leftOut = a.exclusions
    .slice(0, MAX_LISTED)
    .map((e) => `${safeText(e.accountName, 80)} (by ${mention(e.by)})`)
    .join(', ');
  const more = a.exclusions.length > MAX_LISTED ? ` and ${a.exclusions.length - MAX_LISTED} more` : '';
  const excluded = leftOut === '' ? '' : `\nLeft out during the hold window: ${leftOut}${more}.`;
  const text = `${summary}${refused}${excluded}`;
  const actions = posted > 0 ? [changeButtons(a.id)] : [];
  return {
    text: `${title}: reached ${posted} of ${deliveries.length} channels`,
    blocks: [section(text), ...actions],
  };
}

/** Under the report: change what every channel shows, or take it back everywhere (asked to confirm). */
const changeButtons = (id: string): KnownBlock => ({
  type: 'actions',
  elements: [
    { type: 'button', text: plain('Edit everywhere'), action_id: ANNOUNCE_ACTIONS.editSent, value: id },
    {
      type: 'button',
      text: plain('Delete everywhere'),
      action_id: ANNOUNCE_ACTIONS.deleteSent,
      value: id,
      style: 'danger',
      confirm: {
        title: plain('Delete everywhere?'),
        text: plain('The announcement is removed from every channel it reached. This cannot be undone.'),
        confirm: plain('Delete'),
        deny: plain('Keep it'),
      },
    },
  ],
});

import type { Announcement, AnnouncementDelivery } from '../../domain/announcements/announcement.js';
import { type MessageContent, section } from '../shared/blocks.js';
import { safeText } from '../shared/escape.js';

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
  const text =
    failed.length === 0 ? summary : `${summary}\nSlack refused ${failed.length}:\n${refusals.join('\n')}`;
  return { text: `${title}: reached ${posted} of ${deliveries.length} channels`, blocks: [section(text)] };
}

import type { Announcement, AnnouncementDelivery } from '../../domain/announcements/announcement.js';
import { type MessageContent, section } from '../shared/blocks.js';
import { safeText } from '../shared/escape.js';

const MAX_LISTED = 40;
const number = (n: number) => n.toLocaleString('en-US');

/**
 * The sender's progress of an edit or deletion everywhere: "412 of 1,000 channels updated", then the
 * outcome, with each channel whose message Slack refused to change and why.
 */
export function buildChangeProgress(
  a: Announcement,
  deleting: boolean,
  posted: AnnouncementDelivery[],
  done: (d: AnnouncementDelivery) => boolean,
): MessageContent {
  const title = safeText(a.title, 150);
  const finished = posted.filter(done);
  const refused = finished.filter((d) => d.changeError !== null);
  const verb = deleting ? 'deleted' : 'updated';
  const count = `${number(finished.length - refused.length)} of ${number(posted.length)} channels ${verb}`;
  const head =
    finished.length < posted.length
      ? `${deleting ? 'Deleting' : 'Updating'} *${title}* everywhere: ${count} so far.`
      : `*${title}* ${verb} everywhere: ${count}.`;
  const lines = refused.slice(0, MAX_LISTED).map((d) => `• <#${d.channelId}>: ${d.changeError}`);
  if (refused.length > MAX_LISTED) lines.push(`… and ${refused.length - MAX_LISTED} more`);
  const text = refused.length === 0 ? head : `${head}\nSlack refused ${refused.length}:\n${lines.join('\n')}`;
  return { text: `${title}: ${count}`, blocks: [section(text)] };
}

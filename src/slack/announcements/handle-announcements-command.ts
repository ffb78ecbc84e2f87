import { dueAt } from '../../app/announcements/decide-announcement.js';
import type { Announcement, DeliveryCounts } from '../../domain/announcements/announcement.js';
import type { ActorContext } from '../bolt/rapport-context.js';
import type { CommandArgs } from '../commands/command-args.js';
import { COMMAND } from '../commands/ids.js';
import { section } from '../shared/blocks.js';
import { slackDate } from '../shared/describe-due.js';
import { safeText } from '../shared/escape.js';
import { mention } from '../shared/mention.js';
import { describeLocalTime } from './announcement-message.js';

const LISTED = 15;

function describe(a: Announcement, counts: DeliveryCounts): string {
  const title = safeText(a.title, 150);
  const to = `${a.partnershipIds.length} partnership${a.partnershipIds.length === 1 ? '' : 's'}`;
  const reach = `reached ${counts.posted}, failed ${counts.failed}, replies ${counts.replies}, reactions ${counts.reactions}`;
  const left = a.exclusions.length > 0 ? `, ${a.exclusions.length} left out by their owners` : '';
  if (a.state === 'awaiting_signoff') {
    return `• *${title}* — waiting for ${mention(a.signOff?.approverId ?? '')}’s sign-off, to ${to}`;
  }
  if (a.state === 'scheduled') {
    const when = describeLocalTime(dueAt(a, a.sendAt ?? a.createdAt), a.timeZone);
    return `• *${title}* — scheduled for ${when}, to ${to}${left}`;
  }
  if (a.state === 'cancelled') return `• *${title}* — cancelled, to ${to}`;
  if (a.state === 'deleted') return `• *${title}* — deleted everywhere, was sent to ${to}: ${reach}`;
  if (a.state === 'sending') return `• *${title}* — sending to ${to}: ${reach}, ${counts.pending} to go`;
  return `• *${title}* — sent ${slackDate(a.startedAt ?? a.createdAt)} to ${to}: ${reach}`;
}

/** `/rapport announcements`: the latest ones with what they reached, privately (vendor only). */
export const handleAnnouncementsCommand = async ({
  respond,
  context,
}: CommandArgs<ActorContext>): Promise<void> => {
  const { announcements, announcementDeliveries } = context.workspace.repositories;
  const recent = await announcements.listRecent(LISTED);
  const counts = await Promise.all(recent.map((a) => announcementDeliveries.count(a.id)));
  const text =
    recent.length === 0
      ? `No announcements yet. \`${COMMAND} announce\` writes one.`
      : `*Latest announcements*\n${recent.map((a, i) => describe(a, counts[i] as DeliveryCounts)).join('\n')}`;
  await respond({ response_type: 'ephemeral', text: 'Latest announcements', blocks: [section(text)] });
};

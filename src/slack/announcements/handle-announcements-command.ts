import type { DeliveryCounts } from '../../domain/announcements/announcement.js';
import type { ActorContext } from '../bolt/rapport-context.js';
import type { CommandArgs } from '../commands/command-args.js';
import { COMMAND } from '../commands/ids.js';
import { section } from '../shared/blocks.js';
import { describeAnnouncement } from './describe-announcement.js';

const LISTED = 15;

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
      : `*Latest announcements*\n${recent.map((a, i) => describeAnnouncement(a, counts[i] as DeliveryCounts)).join('\n')}`;
  await respond({ response_type: 'ephemeral', text: 'Latest announcements', blocks: [section(text)] });
};

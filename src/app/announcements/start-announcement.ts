import {
  type Announcement,
  deliveryId,
  NOTHING_SINCE_POSTED,
} from '../../domain/announcements/announcement.js';
import type { Repositories } from '../../domain/ports.js';
import { nextWorkingTime } from '../../domain/sla/business-calendar.js';
import { calendarOf } from '../../domain/sla/obligation.js';

/**
 * A due announcement's deliveries, one per partnership (created once whoever runs this: their ids are
 * unique), then it is marked as sending. A crash in between only makes the next run create them again,
 * which finds them there. A partnership removed since the preview is a failed delivery, reported. Sent
 * "in each partnership's working hours", each delivery waits for its partnership's next working time.
 */
export async function startAnnouncement(
  repositories: Pick<Repositories, 'announcements' | 'announcementDeliveries' | 'partnerships'>,
  announcement: Announcement,
  now: Date,
): Promise<void> {
  if (announcement.state !== 'scheduled') return;
  for (const partnershipId of announcement.partnershipIds) {
    const partnership = await repositories.partnerships.findById(partnershipId);
    await repositories.announcementDeliveries.insert({
      id: deliveryId(announcement.id, partnershipId),
      announcementId: announcement.id,
      partnershipId,
      channelId: partnership?.channelId ?? '',
      dueAt: partnership && announcement.inWorkingHours ? nextWorkingTime(calendarOf(partnership), now) : now,
      state: partnership ? 'pending' : 'failed',
      lease: null,
      attempts: 0,
      ts: null,
      error: partnership ? null : 'partnership_removed',
      ...NOTHING_SINCE_POSTED,
    });
  }
  await repositories.announcements.transition(announcement.id, ['scheduled'], 'sending', { startedAt: now });
}

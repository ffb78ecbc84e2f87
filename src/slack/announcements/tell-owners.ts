import type { Announcement } from '../../domain/announcements/announcement.js';
import type { Partnership } from '../../domain/partnerships/partnership.js';
import { buildHoldNotice } from './hold-notice.js';
import type { AnnouncementSenderDeps } from './sender-deps.js';

type TellOwnersDeps = Pick<
  AnnouncementSenderDeps,
  'client' | 'repositories' | 'directory' | 'clock' | 'logger'
>;

/** Long enough to tell every owner of one announcement; a run that died holding it is replaced after this. */
const TELLING_CLAIM_MS = 10 * 60_000;

/**
 * Tells the owners of each large scheduled announcement's partnerships, privately, that it is coming and
 * until when they can leave their customer out. One run at a time per announcement (a marker); each owner
 * is recorded as told once their DM is posted, so a failed or interrupted run tells only the rest later.
 */
export async function tellOwnersOfHold(deps: TellOwnersDeps): Promise<void> {
  const now = deps.clock.now();
  for (const a of await deps.repositories.announcements.listOwnersToTell(now)) {
    const marker = `announcement-hold:${a.id}`;
    const { markers } = deps.repositories;
    if (!(await markers.claim(marker, now, new Date(now.getTime() + TELLING_CLAIM_MS)))) continue;
    try {
      await tellOwners(deps, a);
    } finally {
      await markers.release(marker);
    }
  }
}

async function tellOwners(deps: TellOwnersDeps, a: Announcement): Promise<void> {
  const { announcements, partnerships } = deps.repositories;
  const ids = new Set(a.partnershipIds);
  const byOwner = new Map<string, Partnership[]>();
  for (const p of await partnerships.listAll()) {
    if (ids.has(p.id)) byOwner.set(p.ownerId, [...(byOwner.get(p.ownerId) ?? []), p]);
  }
  let untold = 0;
  for (const [ownerId, own] of byOwner) {
    if (a.ownersTold.includes(ownerId)) continue;
    try {
      const timeZone = (await deps.directory.user(ownerId))?.timeZone ?? a.timeZone;
      await deps.client.chat.postMessage({ channel: ownerId, ...buildHoldNotice(a, own, timeZone) });
      await announcements.markOwnerTold(a.id, ownerId);
    } catch (error) {
      untold += 1;
      deps.logger.event('warn', 'owner not told of an announcement yet', {
        announcement: a.id,
        owner: ownerId,
        error: String(error),
      });
    }
  }
  if (untold === 0) {
    await announcements.transition(a.id, ['scheduled'], 'scheduled', { ownersToldAt: deps.clock.now() });
  }
}

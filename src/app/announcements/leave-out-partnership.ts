import type { Actor } from '../../domain/actors.js';
import type { Announcement, HoldExclusion } from '../../domain/announcements/announcement.js';
import type { AnnouncementRepository, Clock, PartnershipRepository } from '../../domain/ports.js';
import { fail, ok, type Result } from '../../domain/result.js';

export type LeaveOutError = { code: 'not_found' } | { code: 'forbidden' | 'too_late'; message: string };

interface LeaveOutDeps {
  announcements: AnnouncementRepository;
  partnerships: PartnershipRepository;
  clock: Clock;
}

/** Concurrent exclusions by several owners: each compare-and-set that lost reads again. */
const ATTEMPTS = 5;

/**
 * During the hold window, a partnership's owner (or a vendor admin) leaves its customer out of a scheduled
 * announcement. `changed` is false when it was already left out (a double click).
 */
export async function leaveOutPartnership(
  deps: LeaveOutDeps,
  request: { actor: Actor; isAdmin: boolean; id: string; partnershipId: string },
): Promise<
  Result<{ announcement: Announcement; exclusion: HoldExclusion; changed: boolean }, LeaveOutError>
> {
  const { actor, id, partnershipId } = request;
  const partnership = await deps.partnerships.findById(partnershipId);
  if (partnership === null) return fail({ code: 'not_found' });
  if (actor.side !== 'vendor' || (actor.userId !== partnership.ownerId && !request.isAdmin)) {
    return fail({
      code: 'forbidden',
      message: 'Only the owner of this partnership or a workspace admin can leave it out.',
    });
  }
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const a = await deps.announcements.findById(id);
    if (a === null) return fail({ code: 'not_found' });
    const earlier = a.exclusions.find((e) => e.partnershipId === partnershipId);
    if (earlier) return ok({ announcement: a, exclusion: earlier, changed: false });
    const now = deps.clock.now();
    const open = a.state === 'scheduled' && a.holdUntil !== null && now < a.holdUntil;
    if (!open || !a.partnershipIds.includes(partnershipId)) {
      return fail({ code: 'too_late', message: 'The hold window has closed: it can no longer be changed.' });
    }
    const exclusion = { partnershipId, accountName: partnership.accountName, by: actor.userId, at: now };
    if (await deps.announcements.leaveOut(a, exclusion)) {
      const partnershipIds = a.partnershipIds.filter((p) => p !== partnershipId);
      const announcement = { ...a, partnershipIds, exclusions: [...a.exclusions, exclusion] };
      return ok({ announcement, exclusion, changed: true });
    }
  }
  throw new Error(`announcement ${id}: too many exclusions at once, try again`);
}

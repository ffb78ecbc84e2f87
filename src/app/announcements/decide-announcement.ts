import type { Actor } from '../../domain/actors.js';
import type { Announcement, AnnouncementState } from '../../domain/announcements/announcement.js';
import type { AnnouncementRepository, Clock } from '../../domain/ports.js';
import { fail, ok, type Result } from '../../domain/result.js';

export type DecideError = { code: 'not_found' } | { code: 'forbidden' | 'too_late'; message: string };

interface DecideDeps {
  announcements: AnnouncementRepository;
  clock: Clock;
}

/** Only the sender decides about their announcement: others at the vendor did not see its preview. */
async function loadOwn(
  deps: DecideDeps,
  actor: Actor,
  id: string,
): Promise<Result<Announcement, DecideError>> {
  const announcement = await deps.announcements.findById(id);
  if (announcement === null) return fail({ code: 'not_found' });
  if (actor.side !== 'vendor' || actor.userId !== announcement.createdBy) {
    return fail({ code: 'forbidden', message: 'Only the person who wrote this announcement can do that.' });
  }
  return ok(announcement);
}

/** Send: a draft becomes scheduled (for now when it has no time), for the sending run to pick up. */
export async function confirmAnnouncement(
  deps: DecideDeps,
  request: { actor: Actor; id: string },
): Promise<Result<Announcement, DecideError>> {
  const loaded = await loadOwn(deps, request.actor, request.id);
  if (!loaded.ok) return loaded;
  const sendAt = loaded.value.sendAt ?? deps.clock.now();
  if (!(await deps.announcements.transition(request.id, ['draft'], 'scheduled', { sendAt }))) {
    return fail({ code: 'too_late', message: tooLate(loaded.value.state) });
  }
  return ok({ ...loaded.value, state: 'scheduled', sendAt });
}

/** Cancel: possible until sending starts. */
export async function cancelAnnouncement(
  deps: DecideDeps,
  request: { actor: Actor; id: string },
): Promise<Result<Announcement, DecideError>> {
  const loaded = await loadOwn(deps, request.actor, request.id);
  if (!loaded.ok) return loaded;
  if (!(await deps.announcements.transition(request.id, ['draft', 'scheduled'], 'cancelled'))) {
    const now = await deps.announcements.findById(request.id);
    return fail({ code: 'too_late', message: tooLate(now?.state ?? loaded.value.state) });
  }
  return ok({ ...loaded.value, state: 'cancelled' });
}

function tooLate(state: AnnouncementState): string {
  if (state === 'cancelled') return 'This announcement was cancelled.';
  if (state === 'draft') return 'This announcement has not been sent.';
  if (state === 'scheduled') return 'This announcement is already scheduled.';
  return 'This announcement is already being sent: it can no longer be cancelled.';
}

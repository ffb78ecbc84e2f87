import type { Actor } from '../../domain/actors.js';
import type { Announcement, AnnouncementState } from '../../domain/announcements/announcement.js';
import { type AnnouncementSettings, needsHold } from '../../domain/announcements/announcement-settings.js';
import type { AnnouncementRepository, Clock } from '../../domain/ports.js';
import { fail, ok, type Result } from '../../domain/result.js';

export type DecideError = { code: 'not_found' } | { code: 'forbidden' | 'too_late'; message: string };

export interface DecideDeps {
  announcements: AnnouncementRepository;
  clock: Clock;
  settings: AnnouncementSettings;
}

/** Only the sender decides about their announcement: others at the vendor did not see its preview. */
export async function loadOwn(
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

/**
 * When a confirmed (and signed-off) announcement goes: at its time, or now; for a large audience not
 * before the owners' hold window, which starts now, has passed.
 */
export function scheduleOf(a: Announcement, now: Date, settings: AnnouncementSettings) {
  const holdUntil = needsHold(a.partnershipIds.length, settings)
    ? new Date(now.getTime() + settings.holdMs)
    : null;
  return { sendAt: a.sendAt ?? now, holdUntil };
}

/** When it can be sent: its time and, if it has one, the end of its hold window. */
export const dueAt = (a: Pick<Announcement, 'sendAt' | 'holdUntil'>, now: Date): Date =>
  new Date(Math.max(a.sendAt?.getTime() ?? now.getTime(), a.holdUntil?.getTime() ?? 0));

/**
 * Send: a draft becomes scheduled (for now when it has no time), for the sending run to pick up; one that
 * names a colleague to sign it off waits for them first.
 */
export async function confirmAnnouncement(
  deps: DecideDeps,
  request: { actor: Actor; id: string },
): Promise<Result<Announcement, DecideError>> {
  const loaded = await loadOwn(deps, request.actor, request.id);
  if (!loaded.ok) return loaded;
  const a = loaded.value;
  if (a.state === 'draft' && a.replaces !== null && !(await cancelReplaced(deps, a.replaces))) {
    return fail({
      code: 'too_late',
      message: 'The announcement this edits is already being sent: edit it everywhere once it is sent.',
    });
  }
  if (a.signOff !== null) {
    if (!(await deps.announcements.transition(request.id, ['draft'], 'awaiting_signoff'))) {
      return fail({ code: 'too_late', message: tooLate(a.state) });
    }
    return ok({ ...a, state: 'awaiting_signoff' });
  }
  const schedule = scheduleOf(a, deps.clock.now(), deps.settings);
  if (!(await deps.announcements.transition(request.id, ['draft'], 'scheduled', schedule))) {
    return fail({ code: 'too_late', message: tooLate(a.state) });
  }
  return ok({ ...a, state: 'scheduled', ...schedule });
}

/** The edited announcement gives way to its edit; false when it is already being sent (or was). */
async function cancelReplaced(deps: DecideDeps, id: string): Promise<boolean> {
  const unsent: AnnouncementState[] = ['draft', 'awaiting_signoff', 'scheduled', 'cancelled'];
  if (await deps.announcements.transition(id, unsent, 'cancelled')) return true;
  return (await deps.announcements.findById(id)) === null;
}

/** Cancel: possible until sending starts. */
export async function cancelAnnouncement(
  deps: DecideDeps,
  request: { actor: Actor; id: string },
): Promise<Result<Announcement, DecideError>> {
  const loaded = await loadOwn(deps, request.actor, request.id);
  if (!loaded.ok) return loaded;
  const before: AnnouncementState[] = ['draft', 'awaiting_signoff', 'scheduled'];
  if (!(await deps.announcements.transition(request.id, before, 'cancelled'))) {
    const now = await deps.announcements.findById(request.id);
    return fail({ code: 'too_late', message: tooLate(now?.state ?? loaded.value.state) });
  }
  return ok({ ...loaded.value, state: 'cancelled' });
}

export function tooLate(state: AnnouncementState): string {
  if (state === 'cancelled') return 'This announcement was cancelled.';
  if (state === 'draft') return 'This announcement has not been sent.';
  if (state === 'awaiting_signoff') return 'This announcement is already waiting for its sign-off.';
  if (state === 'scheduled') return 'This announcement is already scheduled.';
  if (state === 'sent') return 'This announcement has been sent.';
  if (state === 'deleted') return 'This announcement was deleted everywhere.';
  return 'This announcement is already being sent: it can no longer be cancelled.';
}

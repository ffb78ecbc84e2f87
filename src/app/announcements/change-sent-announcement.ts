import type { Actor } from '../../domain/actors.js';
import type { Announcement } from '../../domain/announcements/announcement.js';
import { fail, ok, type Result } from '../../domain/result.js';
import { type DecideDeps, type DecideError, loadOwn, tooLate } from './decide-announcement.js';
import { checkText } from './draft-announcement.js';

export type ChangeError =
  | DecideError
  | { code: 'invalid'; fields: Partial<Record<'title' | 'body', string>> };

const notSent = (a: Announcement) =>
  fail({
    code: 'too_late' as const,
    message: a.state === 'sending' ? 'It is still being sent: change it once it is sent.' : tooLate(a.state),
  });

/**
 * Edit everywhere: a sent announcement's new title and text become its next revision, which the sending
 * job then brings every delivered message to (paced, reported to the sender). Its sender only.
 */
export async function editSentAnnouncement(
  deps: DecideDeps,
  request: { actor: Actor; id: string; title: string; body: string },
): Promise<Result<Announcement, ChangeError>> {
  const loaded = await loadOwn(deps, request.actor, request.id);
  if (!loaded.ok) return loaded;
  const fields = checkText(request.title, request.body);
  if (Object.keys(fields).length > 0) return fail({ code: 'invalid', fields });
  if (loaded.value.state !== 'sent') return notSent(loaded.value);
  const revised = await deps.announcements.revise(request.id, { title: request.title, body: request.body });
  return revised === null
    ? notSent((await deps.announcements.findById(request.id)) ?? loaded.value)
    : ok(revised);
}

/** Delete everywhere: every delivered message is removed by the sending job. Its sender only. */
export async function deleteSentAnnouncement(
  deps: DecideDeps,
  request: { actor: Actor; id: string },
): Promise<Result<Announcement, ChangeError>> {
  const loaded = await loadOwn(deps, request.actor, request.id);
  if (!loaded.ok) return loaded;
  const a = loaded.value;
  const changes = { changeOwed: true, revision: a.revision };
  if (!(await deps.announcements.transition(a.id, ['sent'], 'deleted', changes))) {
    return notSent((await deps.announcements.findById(a.id)) ?? a);
  }
  return ok({ ...a, state: 'deleted', changeOwed: true });
}

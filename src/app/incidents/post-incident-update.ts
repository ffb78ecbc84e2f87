import type { Actor } from '../../domain/actors.js';
import type { Announcement } from '../../domain/announcements/announcement.js';
import { checkIncidentUpdate, type UpdateField } from '../../domain/incidents/check-incident-update.js';
import type { IncidentStatus, IncidentUpdate } from '../../domain/incidents/incident.js';
import type { AnnouncementRepository, Clock, IncidentRepository } from '../../domain/ports.js';
import { fail, ok, type Result } from '../../domain/result.js';

export type UpdateError =
  | { code: 'not_found' }
  | { code: 'forbidden' | 'not_ready' | 'conflict'; message: string }
  | { code: 'invalid'; fields: Partial<Record<UpdateField, string>> };

interface UpdateDeps {
  announcements: AnnouncementRepository;
  incidents: IncidentRepository;
  clock: Clock;
}

/**
 * Stores an incident's next update, for the updates run to post in every channel's thread and show on
 * every top message. Anyone at the vendor may post one (incidents are handled by whoever is on call);
 * only once the first message has reached every channel, so each update has a thread to go to.
 */
export async function postIncidentUpdate(
  deps: UpdateDeps,
  request: { actor: Actor; id: string; status: IncidentStatus; text: string },
): Promise<Result<{ incident: Announcement; update: IncidentUpdate }, UpdateError>> {
  const { actor } = request;
  if (actor.side !== 'vendor') {
    return fail({ code: 'forbidden', message: 'Only people at the vendor can post incident updates.' });
  }
  const found = await deps.announcements.findById(request.id);
  const incident = found?.incident;
  if (!found || !incident || found.state === 'cancelled') return fail({ code: 'not_found' });
  if (found.state !== 'sent') {
    return fail({
      code: 'not_ready',
      message:
        'This incident’s first message has not reached every channel yet: post the update once it has.',
    });
  }
  const text = request.text.trim();
  const fields = checkIncidentUpdate(incident, { status: request.status, text });
  if (Object.keys(fields).length > 0) return fail({ code: 'invalid', fields });
  const now = deps.clock.now();
  const update: IncidentUpdate = {
    number: incident.count + 1,
    status: request.status,
    text,
    at: now,
    by: actor.userId,
  };
  const resolvedAt = request.status === 'resolved' ? now : null;
  if (!(await deps.incidents.addUpdate(found.id, incident.count, update, resolvedAt))) {
    return fail({
      code: 'conflict',
      message: 'Someone posted an update to this incident meanwhile: close this and look at it again.',
    });
  }
  const stored = {
    ...incident,
    status: request.status,
    updates: [...incident.updates, update],
    count: update.number,
    resolvedAt,
    sending: true,
  };
  return ok({ incident: { ...found, incident: stored }, update });
}

import { DateTime } from 'luxon';
import type { Announcement } from '../../domain/announcements/announcement.js';
import type { SlackDeps } from '../bolt/deps.js';
import { buildAnnounceModal, type Prefill } from './announce-modal.js';
import { type AnnounceButtonArgs, idOf, refuse } from './handle-announce-buttons.js';

/** The form's own values for an announcement: its audience choice, tags, channels, time and sign-off. */
export function prefillOf(a: Announcement, now: Date): Prefill {
  const { audience } = a;
  const later = !a.inWorkingHours && a.sendAt !== null && a.sendAt > now;
  const local = later ? DateTime.fromJSDate(a.sendAt as Date, { zone: a.timeZone }) : null;
  return {
    title: a.title,
    body: a.body,
    notify: a.notifyChannel,
    audience: audience.kind === 'tags' && audience.tagMatch === 'all' ? 'tags_all' : audience.kind,
    tags: audience.tags.join(', '),
    excludedTags: audience.excludedTags.join(', '),
    picked: audience.channelIds,
    excludedPicked: audience.excludedChannelIds,
    when: a.inWorkingHours ? 'working_hours' : later ? 'later' : 'now',
    date: local?.toISODate() ?? null,
    time: local?.toFormat('HH:mm') ?? null,
    signOffBy: a.signOff?.approverId ?? null,
  };
}

/**
 * Edit, under a preview or a scheduled announcement: its sender gets the form again, prefilled. What
 * they then preview is a new draft that, once confirmed, cancels this one (unless it is being sent by then).
 */
export const handleEditUnsent =
  (deps: SlackDeps) =>
  async ({ body, client, respond, context }: AnnounceButtonArgs): Promise<void> => {
    const a = await context.workspace.repositories.announcements.findById(idOf(body));
    if (a === null) return refuse(respond, { code: 'not_found' });
    if (a.createdBy !== context.actor.userId) {
      return refuse(respond, { message: 'Only the person who wrote this announcement can do that.' });
    }
    if (!['draft', 'awaiting_signoff', 'scheduled'].includes(a.state)) {
      return refuse(respond, { message: 'Only an announcement not sent yet can be edited here.' });
    }
    const now = deps.clock.now();
    const today = DateTime.fromJSDate(now, { zone: a.timeZone }).toISODate() ?? '';
    const view = buildAnnounceModal(
      { timeZone: a.timeZone, replaces: a.id },
      today,
      deps.announcementSettings.signOffThreshold,
      prefillOf(a, now),
    );
    await client.views.open({ trigger_id: body.trigger_id, view });
  };

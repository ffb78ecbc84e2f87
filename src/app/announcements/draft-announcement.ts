import type { Actor } from '../../domain/actors.js';
import {
  ANNOUNCEMENT_TEXT_MAX,
  type Announcement,
  type Audience,
  noReviewYet,
} from '../../domain/announcements/announcement.js';
import { type AnnouncementSettings, needsSignOff } from '../../domain/announcements/announcement-settings.js';
import { selectAudience, unknownChannels, unknownTags } from '../../domain/announcements/select-audience.js';
import { tooLong } from '../../domain/asks/text-limits.js';
import type { Incident } from '../../domain/incidents/incident.js';
import type { Partnership } from '../../domain/partnerships/partnership.js';
import { checkTags } from '../../domain/partnerships/partnership-tags.js';
import type { AnnouncementRepository, Clock, Directory, PartnershipRepository } from '../../domain/ports.js';
import { fail, ok, type Result } from '../../domain/result.js';

export type DraftField =
  | 'title'
  | 'body'
  | 'audience'
  | 'tags'
  | 'excludedTags'
  | 'picked'
  | 'excludedPicked'
  | 'sendAt'
  | 'signOffBy';

export type DraftError =
  | { code: 'forbidden'; message: string }
  | { code: 'invalid'; fields: Partial<Record<DraftField, string>> };

export interface DraftInput {
  title: string;
  body: string;
  /** The unsent announcement this edits (reopened from its preview or schedule), or null. */
  replaces: string | null;
  /** Off unless the sender ticks it: the one way an announcement notifies a whole channel. */
  notifyChannel: boolean;
  audience: Audience;
  sendAt: Date | null;
  /** Each partnership gets it in its own next working hours, once it is due. */
  inWorkingHours: boolean;
  timeZone: string;
  /** Set when it starts an incident. */
  incident?: Incident | null;
  /** The colleague who signs it off: required over the sign-off threshold, honoured whenever named. */
  signOffBy: string | null;
}

export interface DraftDeps {
  announcements: AnnouncementRepository;
  partnerships: PartnershipRepository;
  clock: Clock;
  newId: () => string;
  directory: Pick<Directory, 'sideOfUser'>;
  settings: AnnouncementSettings;
}

/**
 * Checks a new announcement and stores it as a draft with the partnerships it reaches, fixed now so the
 * preview's list of channels is exactly what is sent. Vendor side only.
 */
export async function draftAnnouncement(
  deps: DraftDeps,
  request: { actor: Actor; input: DraftInput },
): Promise<Result<{ announcement: Announcement; targets: Partnership[] }, DraftError>> {
  const { actor, input } = request;
  if (actor.side !== 'vendor') {
    return fail({ code: 'forbidden', message: 'Only people at the vendor can send announcements.' });
  }
  const now = deps.clock.now();
  const all = await deps.partnerships.listAll();
  const fields = checkDraft(input, all, now);
  const targets = selectAudience(all, input.audience);
  if (Object.keys(fields).length === 0 && targets.length === 0) {
    fields.audience = 'This audience reaches no partnership: change the tags or the choice.';
  }
  const signOff = await checkSignOff(deps, actor, input.signOffBy, targets.length);
  if (signOff !== null) fields.signOffBy = signOff;
  if (Object.keys(fields).length > 0) return fail({ code: 'invalid', fields });
  const { signOffBy, ...rest } = input;
  const announcement: Announcement = {
    id: deps.newId(),
    ...rest,
    partnershipIds: targets.map((p) => p.id),
    state: 'draft',
    createdBy: actor.userId,
    createdAt: now,
    startedAt: null,
    finishedAt: null,
    signOff: signOffBy === null ? null : { approverId: signOffBy, decision: null },
    ...noReviewYet(),
  };
  await deps.announcements.insert(announcement);
  return ok({ announcement, targets });
}

/** A second person at the vendor, other than the sender, when the audience is large enough to need one. */
async function checkSignOff(
  deps: DraftDeps,
  actor: Actor,
  signOffBy: string | null,
  reach: number,
): Promise<string | null> {
  if (signOffBy === null) {
    if (!needsSignOff(reach, deps.settings)) return null;
    return `This reaches ${reach} partnerships (over ${deps.settings.signOffThreshold}): name a colleague to sign it off.`;
  }
  if (signOffBy === actor.userId) return 'Someone other than you must sign it off.';
  if ((await deps.directory.sideOfUser(signOffBy)) !== 'vendor') {
    return 'Choose someone at your company to sign it off.';
  }
  return null;
}

/** What customers read: a title and a message, each within its limit. */
export function checkText(title: string, body: string): Partial<Record<'title' | 'body', string>> {
  const fields: Partial<Record<'title' | 'body', string>> = {};
  if (title.trim() === '') fields.title = 'Give the announcement a title.';
  else if (title.length > ANNOUNCEMENT_TEXT_MAX.title) fields.title = tooLong(ANNOUNCEMENT_TEXT_MAX.title);
  if (body.trim() === '') fields.body = 'Write what you want to tell your customers.';
  else if (body.length > ANNOUNCEMENT_TEXT_MAX.body) fields.body = tooLong(ANNOUNCEMENT_TEXT_MAX.body);
  return fields;
}

function checkDraft(input: DraftInput, all: Partnership[], now: Date): Partial<Record<DraftField, string>> {
  const { title, body, audience, sendAt } = input;
  const fields: Partial<Record<DraftField, string>> = checkText(title, body);
  const tagsProblem = (tags: string[]) => {
    const unknown = unknownTags(all, tags);
    if (unknown.length > 0) return `No partnership is tagged ${unknown.join(', ')}.`;
    return checkTags(tags);
  };
  const tagsError = audience.kind === 'tags' && audience.tags.length === 0 ? 'Name at least one tag.' : null;
  const tags = tagsError ?? (audience.kind === 'tags' ? tagsProblem(audience.tags) : null);
  if (tags !== null) fields.tags = tags;
  const excluded = tagsProblem(audience.excludedTags);
  if (excluded !== null) fields.excludedTags = excluded;
  if (audience.kind === 'picked' && audience.channelIds.length === 0) {
    fields.picked = 'Pick at least one partnership’s channel.';
  } else if (audience.kind === 'picked' && unknownChannels(all, audience.channelIds).length > 0) {
    fields.picked = 'Pick only channels set up as partnerships.';
  }
  if (unknownChannels(all, audience.excludedChannelIds).length > 0) {
    fields.excludedPicked = 'Leave out only channels set up as partnerships.';
  }
  if (sendAt !== null && sendAt.getTime() <= now.getTime()) {
    fields.sendAt = 'That time has passed: choose a later one, or send now.';
  }
  return fields;
}

import { IANAZone } from 'luxon';
import type { Actor } from '../actors.js';
import { type DigestSchedule, slotAfter } from '../digests/digest-schedule.js';
import type { Clock, Directory, PartnershipRepository } from '../ports.js';
import { fail, ok, type Result } from '../result.js';
import { checkDays, checkDigest, checkEscalation, checkSla } from './check-policies.js';
import { deriveRefPrefix, type Partnership, type PartnershipInput } from './partnership.js';
import type { PartnershipFieldErrors as FieldErrors } from './partnership-field.js';
import { checkPartnershipSizes } from './partnership-sizes.js';

export type SaveError =
  | { code: 'forbidden'; message: string }
  | { code: 'invalid'; fields: FieldErrors }
  | { code: 'conflict'; message: string };

export interface SaveDeps {
  partnerships: PartnershipRepository;
  directory: Directory;
  clock: Clock;
  newId: () => string;
}

export interface SaveRequest {
  actor: Actor;
  channelId: string;
  input: PartnershipInput;
  /** The version the form was opened on; null when it was opened to create. */
  expectedVersion: number | null;
}

/** Creates the channel's partnership, or edits it: one partnership per channel, never two. */
export async function savePartnership(
  deps: SaveDeps,
  request: SaveRequest,
): Promise<Result<{ partnership: Partnership; created: boolean }, SaveError>> {
  const { actor, channelId, input, expectedVersion } = request;
  if (actor.side !== 'vendor') {
    return fail({ code: 'forbidden', message: 'Only people at the vendor can set up a partnership.' });
  }
  // Sizes first: a forged list of thousands of people is refused before anyone is looked up.
  const oversize = checkPartnershipSizes(input);
  if (Object.keys(oversize).length > 0) return fail({ code: 'invalid', fields: oversize });
  const fields = await checkInput(deps.directory, channelId, input, deps.clock.now());
  if (Object.keys(fields).length > 0) return fail({ code: 'invalid', fields });

  const now = deps.clock.now();
  const existing = await deps.partnerships.findByChannel(channelId);
  if (existing === null) {
    if (expectedVersion !== null) return fail(changedMeanwhile());
    const partnership: Partnership = {
      id: deps.newId(),
      channelId,
      ...input,
      refPrefix: deriveRefPrefix(input.accountName),
      welcomeMessageTs: null,
      lastCustomerMessageAt: null,
      digestNextAt: input.digest ? slotAfter(input.digest, now) : null,
      plan: null,
      planMessageTs: null,
      trackers: {},
      createdBy: actor.userId,
      createdAt: now,
      updatedBy: actor.userId,
      updatedAt: now,
      version: 1,
    };
    const inserted = await deps.partnerships.insert(partnership);
    return inserted === 'inserted' ? ok({ partnership, created: true }) : fail(changedMeanwhile());
  }
  if (expectedVersion !== existing.version) return fail(changedMeanwhile());
  const updated: Partnership = {
    ...existing,
    ...input,
    digestNextAt: nextDigestAfterEdit(existing, input.digest, now),
    updatedBy: actor.userId,
    updatedAt: now,
    version: existing.version + 1,
  };
  const replaced = await deps.partnerships.replace(updated, existing.version);
  return replaced === 'replaced' ? ok({ partnership: updated, created: false }) : fail(changedMeanwhile());
}

/**
 * An unchanged schedule keeps its pending slot, so saving other settings at 09:00:30 cannot lose the
 * 09:00 digest that the tick has not taken yet; a new schedule starts from its first slot after now.
 */
function nextDigestAfterEdit(existing: Partnership, digest: DigestSchedule | null, now: Date): Date | null {
  if (digest === null) return null;
  const same = existing.digest?.cron === digest.cron && existing.digest?.timeZone === digest.timeZone;
  return same && existing.digestNextAt ? existing.digestNextAt : slotAfter(digest, now);
}

function changedMeanwhile(): SaveError {
  return {
    code: 'conflict',
    message:
      'Someone else saved this partnership while you were editing. Close this form and run setup again.',
  };
}

async function checkInput(
  directory: Directory,
  channelId: string,
  input: PartnershipInput,
  now: Date,
): Promise<FieldErrors> {
  const fields: FieldErrors = {
    ...checkDays(input.businessHours),
    ...checkSla(input.sla),
    ...checkEscalation(input.escalation, input.ownerId),
    ...checkDigest(input.digest, now),
  };
  if (!IANAZone.isValidZone(input.timeZone)) {
    fields.timeZone = 'Use a time zone name such as Europe/Berlin or America/New_York.';
  }
  if (input.businessHours.days.length === 0) fields.businessHours = 'Pick at least one working day.';
  else if (input.businessHours.start >= input.businessHours.end) {
    fields.businessHours = 'The working day must end after it starts.';
  }
  if (input.backupOwnerId !== null && input.backupOwnerId === input.ownerId) {
    fields.backupOwnerId = 'The backup owner must be someone other than the owner.';
  }
  const emoji = /^[a-z0-9_+'-]+$/;
  if (!emoji.test(input.reactions.help) || !emoji.test(input.reactions.enhancement)) {
    fields.reactions = 'Use emoji names such as ticket or bulb, without colons.';
  } else if (input.reactions.help === input.reactions.enhancement) {
    fields.reactions = 'Help requests and enhancements need different reactions.';
  }
  if (input.triageChannelId === channelId) {
    fields.triageChannelId = 'The triage channel must be an internal channel, not this one.';
  }

  const sideOf = (userId: string | null) =>
    userId === null ? Promise.resolve(null) : directory.sideOfUser(userId);
  const [ownerSide, backupSide, escalationSide, contactSides, triageShared] = await Promise.all([
    directory.sideOfUser(input.ownerId),
    sideOf(input.backupOwnerId),
    sideOf(input.escalation.userId),
    Promise.all(input.contacts.map((c) => directory.sideOfUser(c.userId))),
    input.triageChannelId === null
      ? Promise.resolve(false)
      : directory.isExternallyShared(input.triageChannelId),
  ]);
  if (ownerSide !== 'vendor') fields.ownerId = 'The owner must be someone at your company.';
  if (input.backupOwnerId !== null && backupSide !== 'vendor' && fields.backupOwnerId === undefined) {
    fields.backupOwnerId = 'The backup owner must be someone at your company.';
  }
  if (
    input.escalation.userId !== null &&
    escalationSide !== 'vendor' &&
    fields['escalation.userId'] === undefined
  ) {
    fields['escalation.userId'] = 'The final escalation must go to someone at your company.';
  }
  input.contacts.forEach((contact, i) => {
    if (contactSides[i] === 'vendor') {
      fields[`contacts.${contact.role}`] =
        'Customer contacts must be people at the customer, not at your company.';
    }
  });
  if (triageShared && fields.triageChannelId === undefined) {
    fields.triageChannelId =
      'That channel is shared with another organisation; internal notes must stay internal.';
  }
  return fields;
}

import type { WebClient } from '@slack/web-api';
import { IANAZone } from 'luxon';
import type { Actor } from '../../domain/actors.js';
import { savePartnership } from '../../domain/partnerships/save-partnership.js';
import { errorFields } from '../../logger.js';
import type { RequestDeps } from '../bolt/deps.js';
import { newErrorRef } from '../bolt/error-sink.js';
import { publishWelcome } from '../setup/publish-welcome.js';
import type { CreatedChannel } from './create-channel-once.js';
import { defaultPartnershipInput } from './default-partnership-input.js';
import type { ConnectRequest } from './parse-connect-submission.js';
import { type InviteResult, sendInvites } from './send-invites.js';
import { CONNECT_SCOPES, refusalFrom, slackErrorOf } from './slack-refusals.js';

/** One step after the channel exists: done, or why not in plain words (user text is escaped later). */
export type Step = { ok: true } | { ok: false; reason: string };

/** Everything the person who ran `/rapport connect` is told, step by step. */
export interface ConnectOutcome {
  accountName: string;
  channel: CreatedChannel;
  ownerId: string;
  /** The requester and the owner added to the channel (the bot created it, so only the bot is in it). */
  members: Step;
  registration: { ok: true; refPrefix: string } | { ok: false; reason: string };
  /** null when there was no partnership to welcome people to. */
  welcome: Step | null;
  invites: InviteResult[];
}

/**
 * The work after the form is closed: add the vendor people, register the partnership with the setup
 * form's defaults, post and pin the welcome, then one invitation per address. Each step reports its own
 * failure and the next still runs where it makes sense, so nothing half-made goes unmentioned: invites
 * are sent even if registration failed (the channel can be registered later with `/rapport setup`).
 */
export async function finishConnecting(
  deps: RequestDeps,
  client: WebClient,
  { actor, request, channel }: { actor: Actor; request: ConnectRequest; channel: CreatedChannel },
): Promise<ConnectOutcome> {
  const members = await addVendorPeople(client, channel.id, [actor.userId, request.ownerId]);
  const registration = await register(deps, actor, request, channel.id);
  let welcome: Step | null = null;
  if (registration.ok) {
    try {
      const outcome = await publishWelcome(client, deps.repositories.partnerships, registration.partnership);
      welcome =
        outcome === 'not_in_channel'
          ? { ok: false, reason: 'Rapport is not in the channel, so it could not post there.' }
          : { ok: true };
    } catch (error) {
      welcome = { ok: false, reason: describeFailure(deps, 'welcome message not posted', error) };
    }
  }
  const invites = await sendInvites(client, channel.id, request.emails);
  deps.logger.event('info', 'customer channel connected', {
    channelId: channel.id,
    userId: actor.userId,
    registered: registration.ok,
    invitesSent: invites.filter((i) => i.ok).length,
    invitesRefused: invites.filter((i) => !i.ok).map((i) => (i.ok ? null : i.refusal.code)),
  });
  return {
    accountName: request.accountName,
    channel,
    ownerId: request.ownerId,
    members,
    registration: registration.ok
      ? { ok: true, refPrefix: registration.partnership.refPrefix }
      : { ok: false, reason: registration.reason },
    welcome,
    invites,
  };
}

async function addVendorPeople(client: WebClient, channelId: string, userIds: string[]): Promise<Step> {
  try {
    await client.conversations.invite({ channel: channelId, users: [...new Set(userIds)].join(',') });
    return { ok: true };
  } catch (error) {
    if (slackErrorOf(error).code === 'already_in_channel') return { ok: true };
    const refusal = refusalFrom(error, CONNECT_SCOPES.create);
    return { ok: false, reason: `${refusal.what} ${refusal.fix} (Slack: ${refusal.code})` };
  }
}

async function register(deps: RequestDeps, actor: Actor, request: ConnectRequest, channelId: string) {
  try {
    const owner = await deps.directory.user(request.ownerId).catch(() => null);
    const zone = owner?.timeZone && IANAZone.isValidZone(owner.timeZone) ? owner.timeZone : null;
    const input = defaultPartnershipInput({
      accountName: request.accountName,
      ownerId: request.ownerId,
      timeZone: zone,
    });
    const saved = await savePartnership(
      { ...deps, partnerships: deps.repositories.partnerships },
      { actor, channelId, input, expectedVersion: null },
    );
    if (saved.ok) return { ok: true as const, partnership: saved.value.partnership };
    const error = saved.error;
    const reason = error.code === 'invalid' ? Object.values(error.fields).join(' ') : error.message;
    return { ok: false as const, reason };
  } catch (error) {
    return { ok: false as const, reason: describeFailure(deps, 'partnership not registered', error) };
  }
}

/** A failure on our side: logged with a reference the person can quote. */
function describeFailure(deps: RequestDeps, what: string, error: unknown): string {
  const ref = newErrorRef();
  deps.logger.event('error', `connect: ${what}`, { ref, ...errorFields(error) });
  const { code } = slackErrorOf(error);
  const slack = code !== 'unexpected_error' ? ` Slack said “${code}”.` : '';
  return `Something went wrong on our side (reference ${ref}).${slack}`;
}

/** Shared helpers for the fake's Web API method handlers. */
import type { CallRecorder } from './recorder.js';
import type { SocketModeHub } from './socket-mode.js';
import type { CallArgs, FakeChannel, MethodResult, StoredMessage } from './types.js';

export interface HandlerContext {
  fake: CallRecorder;
  method: string;
  /** The caller's bearer token (or `token` field); undefined for tokenless methods called without one. */
  token: string | undefined;
  /** The raw Authorization header (oauth.v2.access may carry HTTP Basic client credentials). */
  authorization: string | undefined;
  /** Socket Mode connections (apps.connections.open hands out their URLs). */
  socketMode: SocketModeHub;
  /** Records Block Kit problems as violations and builds Slack's `invalid_blocks` answer. */
  reject(problems: string[]): MethodResult;
}

export type Handler = (args: CallArgs, ctx: HandlerContext) => MethodResult | Promise<MethodResult>;

export const ok = (body: Record<string, unknown> = {}): MethodResult => ({ body: { ok: true, ...body } });

export const fail = (error: string, extra: Record<string, unknown> = {}): MethodResult => ({
  body: { ok: false, error, ...extra },
});

export const isFailure = (r: unknown): r is MethodResult =>
  typeof r === 'object' && r !== null && 'body' in r && (r as MethodResult).body.ok === false;

/**
 * Resolves a `channel` argument: a registered user's id (U…/W…) means the DM with that user.
 * Unknown channels give `channel_not_found`; with `botMustBeMember`, `not_in_channel` when the bot is out.
 */
export function resolveChannel(
  fake: CallRecorder,
  id: unknown,
  botMustBeMember = false,
): MethodResult | FakeChannel {
  if (typeof id !== 'string' || id === '') return fail('channel_not_found');
  if (/^[UW]/.test(id) && !fake.users.has(id)) return fail('channel_not_found');
  const channelId = /^[UW]/.test(id) ? fake.dmChannelOf(id) : id;
  const channel = fake.channels.get(channelId);
  if (channel === undefined) return fail('channel_not_found');
  if (botMustBeMember && !channel.isIm && !channel.members.has(fake.botUserId)) return fail('not_in_channel');
  return channel;
}

/** A stored message as Slack returns it inside responses (no `channel` field). */
export function messageView(m: StoredMessage): Record<string, unknown> {
  const { channel: _channel, ...rest } = m;
  return rest;
}

const offsetOf = (tz: string): number => {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
    .formatToParts(new Date())
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (m === null) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60);
};

/** users.info `user` object for a registered user. */
export function userView(
  fake: CallRecorder,
  id: string,
  includeLocale: boolean,
): Record<string, unknown> | undefined {
  const u = fake.users.get(id);
  if (u === undefined) return undefined;
  return {
    id: u.id,
    team_id: u.teamId,
    name: u.name,
    real_name: u.realName,
    deleted: u.deleted,
    is_bot: u.isBot,
    is_app_user: false,
    is_stranger: u.isStranger,
    is_admin: u.isAdmin,
    is_owner: false,
    is_restricted: false,
    is_ultra_restricted: false,
    ...(u.tz === null ? {} : { tz: u.tz, tz_label: u.tz, tz_offset: offsetOf(u.tz) }),
    ...(includeLocale && !u.isStranger ? { locale: u.locale } : {}),
    profile: {
      display_name: u.displayName,
      real_name: u.realName,
      team: u.teamId,
      ...(u.isStranger ? {} : { email: u.email }),
    },
  };
}

/** conversations.info `channel` object. */
export function channelView(fake: CallRecorder, c: FakeChannel): Record<string, unknown> {
  return {
    id: c.id,
    name: c.isIm ? undefined : c.name,
    is_channel: !c.isIm && !c.isPrivate,
    is_group: false,
    is_im: c.isIm,
    is_mpim: false,
    is_private: c.isPrivate,
    is_archived: false,
    is_general: false,
    is_shared: c.isExtShared,
    is_ext_shared: c.isExtShared,
    is_org_shared: false,
    is_pending_ext_shared: fake.sharedInvites.some((i) => i.channel === c.id) && !c.isExtShared,
    is_member: c.members.has(fake.botUserId),
    created: c.created,
    context_team_id: fake.vendorTeamId,
    connected_team_ids: c.isExtShared ? [fake.vendorTeamId, ...c.connectedTeamIds] : [],
    ...(c.isIm ? { user: [...c.members].find((m) => m !== fake.botUserId) } : {}),
  };
}

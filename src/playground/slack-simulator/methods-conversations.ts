/** auth.test, users.info and conversations.* handlers. */

import { listArg, truthy } from './http-body.js';
import { messagePayload } from './message-payload.js';
import { channelView, fail, type Handler, ok, resolveChannel, userView } from './method-kit.js';
import type { StoredMessage } from './types.js';

/** Answers for the calling token's team; a user token is its installing user (and has no bot_id). */
const authTest: Handler = (_args, { fake, token }) => {
  const issued = token === undefined ? undefined : fake.issuedToken(token);
  const teamId = issued?.teamId ?? fake.vendorTeamId;
  const user = issued?.kind === 'user' ? issued.userId : undefined;
  return ok({
    url: `https://${fake.domainOf(teamId)}.slack.com/`,
    team: fake.teamName(teamId),
    user: user === undefined ? 'rapport' : (fake.users.get(user)?.name ?? user.toLowerCase()),
    team_id: teamId,
    user_id: user ?? fake.botUserId,
    ...(user === undefined ? { bot_id: fake.botId } : {}),
    is_enterprise_install: false,
  });
};

const usersInfo: Handler = (args, { fake }) => {
  const user =
    typeof args.user === 'string' ? userView(fake, args.user, truthy(args.include_locale)) : undefined;
  return user === undefined ? fail('user_not_found') : ok({ user });
};

const info: Handler = (args, { fake }) => {
  const channel = resolveChannel(fake, args.channel);
  return 'body' in channel ? channel : ok({ channel: channelView(fake, channel) });
};

const members: Handler = (args, { fake }) => {
  const channel = resolveChannel(fake, args.channel);
  if ('body' in channel) return channel;
  const all = [...channel.members];
  const limit = Number(args.limit ?? 100) || 100;
  const start = typeof args.cursor === 'string' && args.cursor !== '' ? Number(atob(args.cursor)) : 0;
  const end = start + limit;
  return ok({
    members: all.slice(start, end),
    response_metadata: { next_cursor: end < all.length ? btoa(String(end)) : '' },
  });
};

const join: Handler = (args, { fake }) => {
  const channel = resolveChannel(fake, args.channel);
  if ('body' in channel) return channel;
  if (channel.isPrivate || channel.isIm) return fail('method_not_supported_for_channel_type');
  const already = channel.members.has(fake.botUserId);
  channel.members.add(fake.botUserId);
  return ok({
    channel: channelView(fake, channel),
    ...(already
      ? { warning: 'already_in_channel', response_metadata: { warnings: ['already_in_channel'] } }
      : {}),
  });
};

const open: Handler = (args, { fake }) => {
  if (typeof args.channel === 'string' && args.channel !== '') {
    const channel = resolveChannel(fake, args.channel);
    return 'body' in channel ? channel : ok({ channel: { id: channel.id }, no_op: true, already_open: true });
  }
  const users = listArg(args.users);
  if (users.length !== 1) return fail(users.length === 0 ? 'users_list_not_supplied' : 'not_supported');
  const [user] = users as [string];
  if (!fake.users.has(user)) return fail('user_not_found');
  return ok({ channel: { id: fake.dmChannelOf(user) } });
};

const create: Handler = (args, { fake }) => {
  const name = typeof args.name === 'string' ? args.name : '';
  if (name === '') return fail('invalid_name_required');
  if (name.length > 80) return fail('invalid_name_maxlength');
  if (!/^[a-z0-9_-]+$/.test(name)) return fail('invalid_name_specials');
  if ([...fake.channels.values()].some((c) => c.name === name)) return fail('name_taken');
  const channel = fake.addChannel({ id: fake.nextId('C'), name, isPrivate: truthy(args.is_private) });
  return ok({ channel: channelView(fake, channel) });
};

const inviteShared: Handler = (args, { fake }) => {
  const channel = resolveChannel(fake, args.channel, true);
  if ('body' in channel) return channel;
  if (channel.isIm) return fail('invalid_channel_type');
  const emails = listArg(args.emails);
  const userIds = listArg(args.user_ids);
  if (emails.length === 0 && userIds.length === 0) return fail('recipients_not_specified');
  if (emails.length > 0 && userIds.length > 0) return fail('invalid_arguments');
  if (emails.length > 1) return fail('too_many_emails');
  if (userIds.length > 1) return fail('invalid_arguments');
  if (emails.some((e) => !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e))) return fail('invalid_email');
  const inviteId = fake.nextId('I');
  fake.sharedInvites.push({
    inviteId,
    channel: channel.id,
    emails,
    userIds,
    externalLimited: args.external_limited === undefined ? true : truthy(args.external_limited),
  });
  return ok({ invite_id: inviteId, is_legacy_shared_channel: false });
};

/** Adds workspace members to a channel the bot is in; `already_in_channel` when none of them is new. */
const invite: Handler = (args, { fake }) => {
  const channel = resolveChannel(fake, args.channel, true);
  if ('body' in channel) return channel;
  if (channel.isIm) return fail('method_not_supported_for_channel_type');
  const users = listArg(args.users);
  if (users.length === 0) return fail('no_user');
  if (users.includes(fake.botUserId)) return fail('cant_invite_self');
  if (users.some((u) => !fake.users.has(u))) return fail('user_not_found');
  const fresh = users.filter((u) => !channel.members.has(u));
  if (fresh.length === 0) return fail('already_in_channel');
  for (const u of fresh) channel.members.add(u);
  return ok({ channel: channelView(fake, channel) });
};

/** A message as history and replies return it: metadata only when asked for with include_all_metadata. */
function readMessage(args: Record<string, unknown>) {
  const withMetadata = truthy(args.include_all_metadata);
  return (m: StoredMessage) => {
    const { metadata, ...rest } = m;
    return messagePayload(withMetadata && metadata !== undefined ? { ...rest, metadata } : rest);
  };
}

/** Pages `all` by `limit` and an opaque cursor, as Slack's cursor pagination does. */
function page<T>(all: T[], args: Record<string, unknown>, fallback: number) {
  const limit = Math.min(Number(args.limit ?? fallback) || fallback, 999);
  const start = typeof args.cursor === 'string' && args.cursor !== '' ? Number(atob(args.cursor)) : 0;
  const end = start + limit;
  const more = end < all.length;
  return {
    items: all.slice(start, end),
    has_more: more,
    response_metadata: { next_cursor: more ? btoa(String(end)) : '' },
  };
}

/** A thread: its parent first, then the replies. `ts` may name the parent or any reply, as in Slack. */
const replies: Handler = (args, { fake }) => {
  const channel = resolveChannel(fake, args.channel, true);
  if ('body' in channel) return channel;
  const named = typeof args.ts === 'string' ? fake.message(channel.id, args.ts) : undefined;
  if (!named) return fail('thread_not_found');
  const parentTs = named.thread_ts ?? named.ts;
  const thread = fake.messagesIn(channel.id).filter((m) => m.ts === parentTs || m.thread_ts === parentTs);
  const { items, ...rest } = page(thread, args, 1000);
  return ok({ messages: items.map(readMessage(args)), ...rest });
};

/** Top-level messages, newest first, between `oldest` and `latest` (exclusive unless `inclusive`). */
const history: Handler = (args, { fake }) => {
  const channel = resolveChannel(fake, args.channel, true);
  if ('body' in channel) return channel;
  const inclusive = truthy(args.inclusive);
  const oldest = Number(args.oldest ?? 0);
  const latest = args.latest === undefined ? Number.POSITIVE_INFINITY : Number(args.latest);
  const inRange = (ts: number) => (inclusive ? ts >= oldest && ts <= latest : ts > oldest && ts < latest);
  const topLevel = fake
    .messagesIn(channel.id)
    .filter((m) => (m.thread_ts === undefined || m.thread_ts === m.ts) && inRange(Number(m.ts)))
    .reverse();
  const { items, ...rest } = page(topLevel, args, 100);
  return ok({ messages: items.map(readMessage(args)), ...rest });
};

export const conversationHandlers: Record<string, Handler> = {
  'auth.test': authTest,
  'users.info': usersInfo,
  'conversations.info': info,
  'conversations.members': members,
  'conversations.join': join,
  'conversations.open': open,
  'conversations.create': create,
  'conversations.invite': invite,
  'conversations.inviteShared': inviteShared,
  'conversations.replies': replies,
  'conversations.history': history,
};

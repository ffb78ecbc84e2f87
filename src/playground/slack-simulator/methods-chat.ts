/** chat.*, pins.* and reactions.* handlers. */
import { validateMessage } from './block-kit-limits.js';
import { fail, type Handler, messageView, ok, resolveChannel } from './method-kit.js';
import type { StoredMessage } from './types.js';

const hasContent = (args: Record<string, unknown>): boolean =>
  (typeof args.text === 'string' && args.text !== '') ||
  (Array.isArray(args.blocks) && args.blocks.length > 0) ||
  (Array.isArray(args.attachments) && args.attachments.length > 0);

/** Slack refuses metadata that is not `{ event_type, event_payload }` with a string type and an object payload. */
const badMetadata = (metadata: unknown): boolean => {
  if (metadata === undefined) return false;
  const m = metadata as { event_type?: unknown; event_payload?: unknown } | null;
  return (
    typeof m !== 'object' ||
    m === null ||
    typeof m.event_type !== 'string' ||
    m.event_type === '' ||
    typeof m.event_payload !== 'object' ||
    m.event_payload === null
  );
};

const postMessage: Handler = (args, { fake, reject }) => {
  const channel = resolveChannel(fake, args.channel, true);
  if ('body' in channel) return channel;
  if (!hasContent(args)) return fail('no_text');
  if (badMetadata(args.metadata)) return fail('invalid_metadata_format');
  const problems = validateMessage(args);
  if (problems.length > 0) return reject(problems);
  const stored = fake.addMessage(channel.id, {
    text: typeof args.text === 'string' ? args.text : '',
    ...(args.blocks === undefined ? {} : { blocks: args.blocks }),
    ...(args.attachments === undefined ? {} : { attachments: args.attachments }),
    ...(typeof args.thread_ts === 'string' && args.thread_ts !== '' ? { thread_ts: args.thread_ts } : {}),
    ...(args.metadata === undefined ? {} : { metadata: args.metadata }),
    user: fake.botUserId,
    bot_id: fake.botId,
    app_id: fake.appId,
    team: fake.vendorTeamId,
    ts: fake.nextTs(),
  });
  return ok({ channel: channel.id, ts: stored.ts, message: messageView(stored) });
};

/** The bot's own stored message addressed by channel + ts, or the error Slack gives. */
function ownMessage(
  fake: Parameters<Handler>[1]['fake'],
  args: Record<string, unknown>,
  notMine: string,
): ReturnType<typeof fail> | StoredMessage {
  const channel = resolveChannel(fake, args.channel);
  if ('body' in channel) return channel;
  const msg = typeof args.ts === 'string' ? fake.message(channel.id, args.ts) : undefined;
  if (msg === undefined) return fail('message_not_found');
  if (msg.bot_id !== fake.botId) return fail(notMine);
  return msg;
}

const update: Handler = (args, { fake, reject }) => {
  const msg = ownMessage(fake, args, 'cant_update_message');
  if ('body' in msg) return msg;
  if (badMetadata(args.metadata)) return fail('invalid_metadata_format');
  const problems = validateMessage(args);
  if (problems.length > 0) return reject(problems);
  if (typeof args.text === 'string') msg.text = args.text;
  for (const key of ['blocks', 'attachments', 'metadata'] as const) {
    if (args[key] !== undefined) msg[key] = args[key];
  }
  msg.edited = { user: fake.botUserId, ts: fake.nextTs() };
  return ok({ channel: msg.channel, ts: msg.ts, text: msg.text, message: messageView(msg) });
};

const remove: Handler = (args, { fake }) => {
  const msg = ownMessage(fake, args, 'cant_delete_message');
  if ('body' in msg) return msg;
  fake.removeMessage(msg.channel, msg.ts);
  return ok({ channel: msg.channel, ts: msg.ts });
};

const postEphemeral: Handler = (args, { fake, reject }) => {
  const channel = resolveChannel(fake, args.channel);
  if ('body' in channel) return channel;
  if (typeof args.user !== 'string' || args.user === '') return fail('user_not_found');
  if (!channel.members.has(args.user)) return fail('user_not_in_channel');
  if (!hasContent(args)) return fail('no_text');
  const problems = validateMessage(args);
  if (problems.length > 0) return reject(problems);
  const messageTs = fake.nextTs();
  fake.ephemerals.push({
    channel: channel.id,
    user: args.user,
    message_ts: messageTs,
    text: typeof args.text === 'string' ? args.text : '',
    ...(args.blocks === undefined ? {} : { blocks: args.blocks }),
    ...(typeof args.thread_ts === 'string' ? { thread_ts: args.thread_ts } : {}),
    via: 'chat.postEphemeral',
  });
  return ok({ message_ts: messageTs });
};

const getPermalink: Handler = (args, { fake }) => {
  const channel = resolveChannel(fake, args.channel);
  if ('body' in channel) return channel;
  if (typeof args.message_ts !== 'string') return fail('message_not_found');
  return ok({
    channel: channel.id,
    permalink: `https://${fake.teamDomain}.slack.com/archives/${channel.id}/p${args.message_ts.replace('.', '')}`,
  });
};

const pinsAdd: Handler = (args, { fake }) => {
  const channel = resolveChannel(fake, args.channel, true);
  if ('body' in channel) return channel;
  if (typeof args.timestamp !== 'string') return fail('no_item_specified');
  const pins = fake.pins.get(channel.id) ?? [];
  if (pins.includes(args.timestamp)) return fail('already_pinned');
  fake.pins.set(channel.id, [...pins, args.timestamp]);
  return ok();
};

const pinsRemove: Handler = (args, { fake }) => {
  const channel = resolveChannel(fake, args.channel, true);
  if ('body' in channel) return channel;
  const pins = fake.pins.get(channel.id) ?? [];
  if (typeof args.timestamp !== 'string' || !pins.includes(args.timestamp)) return fail('no_pin');
  fake.pins.set(
    channel.id,
    pins.filter((ts) => ts !== args.timestamp),
  );
  return ok();
};

const reactionsAdd: Handler = (args, { fake }) => {
  const channel = resolveChannel(fake, args.channel, true);
  if ('body' in channel) return channel;
  if (typeof args.name !== 'string' || args.name === '') return fail('invalid_name');
  const key = `${channel.id}/${String(args.timestamp)}`;
  const names = fake.reactions.get(key) ?? [];
  if (names.includes(args.name)) return fail('already_reacted');
  fake.reactions.set(key, [...names, args.name]);
  return ok();
};

export const chatHandlers: Record<string, Handler> = {
  'chat.postMessage': postMessage,
  'chat.update': update,
  'chat.delete': remove,
  'chat.postEphemeral': postEphemeral,
  'chat.getPermalink': getPermalink,
  'pins.add': pinsAdd,
  'pins.remove': pinsRemove,
  'reactions.add': reactionsAdd,
};

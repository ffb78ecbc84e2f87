/**
 * Bodies of the requests Slack sends, made the way Slack makes them (form-encoded commands, form-encoded
 * `payload=` interactions, JSON event envelopes), from pieces encoded once: per request only the fields
 * that change (response URL, trigger id, event id, ts) are encoded and joined.
 */
import type { KnownBlock } from '@slack/types';

const TOKEN = 'bench-verification-token';

interface Person {
  id: string;
  teamId: string;
}

/** `/rapport <text>` in a channel by a person of the installing workspace. */
export function commandBody(opts: {
  user: Person;
  channelId: string;
  text: string;
  appId: string;
}): (responseUrl: string, triggerId: string) => string {
  const fixed = new URLSearchParams({
    token: TOKEN,
    team_id: opts.user.teamId,
    team_domain: 'vendor',
    channel_id: opts.channelId,
    channel_name: opts.channelId.toLowerCase(),
    user_id: opts.user.id,
    user_name: opts.user.id.toLowerCase(),
    command: '/rapport',
    text: opts.text,
    api_app_id: opts.appId,
    is_enterprise_install: 'false',
  }).toString();
  return (responseUrl, triggerId) =>
    `${fixed}&response_url=${encodeURIComponent(responseUrl)}&trigger_id=${encodeURIComponent(triggerId)}`;
}

/** A click on the button `actionId` of a bot message in a channel, by a person of either side. */
export function buttonClickBody(opts: {
  user: Person;
  vendorTeamId: string;
  channelId: string;
  appId: string;
  botUserId: string;
  message: { ts: string; text: string; blocks: KnownBlock[] };
  actionId: string;
}): (responseUrl: string, triggerId: string) => string {
  const found = opts.message.blocks
    .flatMap((b) => ('elements' in b && b.type === 'actions' ? b.elements.map((e) => ({ b, e })) : []))
    .find(({ e }) => 'action_id' in e && e.action_id === opts.actionId);
  if (!found) throw new Error(`no button ${opts.actionId} in the message`);
  const user = {
    id: opts.user.id,
    username: opts.user.id.toLowerCase(),
    name: opts.user.id.toLowerCase(),
    team_id: opts.user.teamId,
  };
  const RESPONSE_URL = '\u0000RESPONSE_URL\u0000';
  const TRIGGER_ID = '\u0000TRIGGER_ID\u0000';
  const payload = {
    type: 'block_actions',
    user,
    api_app_id: opts.appId,
    token: TOKEN,
    container: {
      type: 'message',
      message_ts: opts.message.ts,
      channel_id: opts.channelId,
      is_ephemeral: false,
    },
    trigger_id: TRIGGER_ID,
    team: { id: opts.user.teamId, domain: opts.user.teamId.toLowerCase() },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: opts.channelId, name: opts.channelId.toLowerCase() },
    message: {
      type: 'message',
      user: opts.botUserId,
      bot_id: 'BBENCH001',
      app_id: opts.appId,
      team: opts.vendorTeamId,
      ts: opts.message.ts,
      text: opts.message.text,
      blocks: opts.message.blocks,
    },
    state: { values: {} },
    response_url: RESPONSE_URL,
    actions: [
      {
        ...found.e,
        block_id: found.b.block_id ?? 'welcome',
        action_ts: (Date.now() / 1000).toFixed(6),
      },
    ],
  };
  // Split the encoded payload around the two placeholders; JSON-escape and form-encode only the values.
  const encoded = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const [head, middle, tail] = splitAround(encoded, [
    encodeURIComponent(JSON.stringify(TRIGGER_ID)),
    encodeURIComponent(JSON.stringify(RESPONSE_URL)),
  ]);
  return (responseUrl, triggerId) =>
    `${head}${encodeURIComponent(JSON.stringify(triggerId))}${middle}${encodeURIComponent(JSON.stringify(responseUrl))}${tail}`;
}

function splitAround(text: string, markers: [string, string]): [string, string, string] {
  const a = text.indexOf(markers[0]);
  const b = text.indexOf(markers[1]);
  if (a < 0 || b < a) throw new Error('placeholders not found in order');
  return [text.slice(0, a), text.slice(a + markers[0].length, b), text.slice(b + markers[1].length)];
}

/** The Events API envelope Slack wraps every event in, for the vendor workspace's installation. */
function eventEnvelope(
  opts: { eventId: string; vendorTeamId: string; appId: string; botUserId: string },
  event: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): string {
  return JSON.stringify({
    token: TOKEN,
    team_id: opts.vendorTeamId,
    context_team_id: opts.vendorTeamId,
    context_enterprise_id: null,
    api_app_id: opts.appId,
    event,
    type: 'event_callback',
    event_id: opts.eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: opts.vendorTeamId,
        user_id: opts.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    ...extra,
  });
}

/** An Events API delivery of a person's message in a channel, as Slack wraps it. */
export function messageEventBody(opts: {
  eventId: string;
  vendorTeamId: string;
  appId: string;
  botUserId: string;
  user: Person;
  channelId: string;
  ts: string;
  text: string;
}): string {
  const event = {
    type: 'message',
    channel: opts.channelId,
    user: opts.user.id,
    text: opts.text,
    ts: opts.ts,
    team: opts.user.teamId,
    client_msg_id: opts.eventId.toLowerCase(),
    blocks: [
      {
        type: 'rich_text',
        block_id: 'b',
        elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: opts.text }] }],
      },
    ],
    channel_type: 'channel',
    event_ts: opts.ts,
  };
  return eventEnvelope(opts, event, {
    is_ext_shared_channel: true,
    event_context: `4-bench-${opts.eventId}`,
  });
}

/** An Events API delivery of `app_home_opened` (the Home tab) for a person. */
export function homeOpenedBody(opts: {
  eventId: string;
  vendorTeamId: string;
  appId: string;
  userId: string;
}): string {
  const now = Math.floor(Date.now() / 1000);
  const event = {
    type: 'app_home_opened',
    user: opts.userId,
    channel: `D${opts.userId.slice(1)}`,
    tab: 'home',
    event_ts: `${now}.000100`,
  };
  return eventEnvelope({ ...opts, botUserId: 'UBOT' }, event);
}

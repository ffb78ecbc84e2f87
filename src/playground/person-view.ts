/** What one person sees of the simulated workspace: their channels, messages, private messages, forms, Home. */
import type { PlaygroundSession } from './session.js';
import type { StoredMessage } from './slack-simulator/index.js';
import { PEOPLE, SHARED, TEAMS, VENDOR } from './world.js';

/** The sidebar's order: shared channels first, as a visitor comes to see them. */
const KIND_ORDER = ['shared', 'internal', 'dm'];

const teamName = (teamId: string) => TEAMS.find((t) => t.teamId === teamId)?.name ?? teamId;

function shownMessage(session: PlaygroundSession, m: StoredMessage) {
  const fake = session.fake;
  const bot = m.bot_id !== undefined || m.user === undefined || m.user === fake.botUserId;
  return {
    ts: m.ts,
    threadTs: m.thread_ts ?? null,
    author: bot ? 'Rapport' : (fake.users.get(m.user ?? '')?.realName ?? m.user),
    bot,
    text: m.text,
    blocks: m.blocks ?? null,
    edited: m.edited !== undefined,
    reactions: fake.reactionsOn(m.channel, m.ts),
  };
}

export function personView(session: PlaygroundSession, userId: string, generation: number) {
  const fake = session.fake;
  const me = session.person(userId);
  const vendorSide = me.teamId === VENDOR.teamId;
  // Opened now, so the direct messages with Rapport are listed before Rapport writes there.
  fake.dmChannelOf(me.id);
  const channels = [...fake.channels.values()]
    .filter((c) => c.members.has(me.id))
    .map((c) => ({
      id: c.id,
      name: c.isIm ? 'Rapport' : c.name,
      kind: c.isIm ? 'dm' : c.isExtShared ? 'shared' : 'internal',
      connected: SHARED.has(c.id) ? teamName(SHARED.get(c.id) as string) : null,
    }))
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name));
  return {
    generation,
    now: session.clock.now().toISOString(),
    me: { ...me, team: teamName(me.teamId), vendorSide },
    people: Object.values(PEOPLE).map((p) => ({
      id: p.id,
      realName: p.realName,
      role: p.role,
      team: teamName(p.teamId),
    })),
    names: {
      users: Object.fromEntries([...fake.users.values()].map((u) => [u.id, u.realName])),
      channels: Object.fromEntries(
        [...fake.channels.values()].map((c) => [c.id, c.isIm ? 'Rapport' : c.name]),
      ),
    },
    channels,
    messages: Object.fromEntries(
      channels.map((c) => [c.id, fake.messagesIn(c.id).map((m) => shownMessage(session, m))]),
    ),
    // Ephemeral messages are shown to the one person they were sent to, as in Slack.
    ephemerals: fake.ephemeralsTo(me.id).map((e) => ({
      channel: e.channel,
      ts: e.message_ts,
      threadTs: e.thread_ts ?? null,
      text: e.text,
      blocks: e.blocks ?? null,
    })),
    modals: session.modalsOf(me.id),
    home: vendorSide ? (fake.homeView(me.id) ?? null) : null,
  };
}

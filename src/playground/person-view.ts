/** What one person sees of the simulated workspace: their channels, messages, private messages, forms, Home. */
import type { PlaygroundSession } from './session.js';
import type { StoredMessage } from './slack-simulator/index.js';
import { PEOPLE, SHARED, TEAMS, VENDOR } from './world.js';

const teamName = (teamId: string) => TEAMS.find((t) => t.teamId === teamId)?.name ?? teamId;

function shownMessage(session: PlaygroundSession, m: StoredMessage) {
  const fake = session.fake;
  return {
    ts: m.ts,
    threadTs: m.thread_ts ?? null,
    author: m.user ? (fake.users.get(m.user)?.realName ?? m.user) : 'Rapport',
    bot: !m.user,
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
  const dm = fake.dmChannelOf(me.id);
  const channels = [...fake.channels.values()]
    .filter((c) => c.members.has(me.id))
    .map((c) => ({
      id: c.id,
      name: c.isIm ? 'Rapport' : c.name,
      kind: c.isIm ? 'dm' : c.isExtShared ? 'shared' : 'internal',
      connected: SHARED.has(c.id) ? teamName(SHARED.get(c.id) as string) : null,
    }))
    .sort((a, b) => (a.id === dm ? 1 : b.id === dm ? -1 : a.name.localeCompare(b.name)));
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

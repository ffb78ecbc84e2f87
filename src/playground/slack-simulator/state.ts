/** In-memory workspace state of the fake Slack: identity, users, channels, messages, pins, reactions. */
import type {
  EphemeralMessage,
  FakeChannel,
  FakeChannelInput,
  FakeUserInput,
  StoredMessage,
} from './types.js';

export interface FakeSlackOptions {
  vendorTeamId?: string;
  botUserId?: string;
  botId?: string;
  appId?: string;
  teamDomain?: string;
}

export class SlackState {
  readonly vendorTeamId: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly appId: string;
  readonly teamDomain: string;
  readonly users = new Map<string, Required<Omit<FakeUserInput, 'tz'>> & { tz: string | null }>();
  readonly channels = new Map<string, FakeChannel>();
  protected readonly messages = new Map<string, StoredMessage[]>();
  readonly ephemerals: EphemeralMessage[] = [];
  readonly pins = new Map<string, string[]>();
  readonly reactions = new Map<string, string[]>();
  private seq = 0;
  private tsSeq = 0;

  constructor(opts: FakeSlackOptions = {}) {
    this.vendorTeamId = opts.vendorTeamId ?? 'TVENDOR01';
    this.botUserId = opts.botUserId ?? 'UBOT00001';
    this.botId = opts.botId ?? 'BBOT00001';
    this.appId = opts.appId ?? 'AAPP00001';
    this.teamDomain = opts.teamDomain ?? 'vendor';
  }

  /** Next generated id with the given prefix, e.g. nextId('V') → 'V00000001'. */
  nextId(prefix: string): string {
    this.seq += 1;
    return `${prefix}${String(this.seq).padStart(8, '0')}`;
  }

  /** Unique, increasing message timestamp: '1700000000.000100', '1700000000.000200', ... */
  nextTs(): string {
    this.tsSeq += 1;
    const secs = 1_700_000_000 + Math.floor(this.tsSeq / 10_000);
    return `${secs}.${String((this.tsSeq % 10_000) * 100).padStart(6, '0')}`;
  }

  addUser(input: FakeUserInput): void {
    this.users.set(input.id, {
      id: input.id,
      teamId: input.teamId,
      tz: input.tz === undefined ? 'America/Los_Angeles' : input.tz,
      isStranger: input.isStranger ?? false,
      isAdmin: input.isAdmin ?? false,
      isBot: input.isBot ?? false,
      name: input.name ?? input.id.toLowerCase(),
      realName: input.realName ?? input.name ?? input.id,
      displayName: input.displayName ?? input.name ?? '',
      email: input.email ?? `${input.id.toLowerCase()}@example.com`,
      locale: input.locale ?? 'en-US',
      deleted: input.deleted ?? false,
    });
  }

  addChannel(input: FakeChannelInput): FakeChannel {
    const members = new Set(input.members ?? []);
    if (input.botIsMember !== false) members.add(this.botUserId);
    const channel: FakeChannel = {
      id: input.id,
      name: input.name ?? input.id.toLowerCase(),
      isExtShared: input.isExtShared ?? false,
      isPrivate: input.isPrivate ?? false,
      isIm: false,
      members,
      connectedTeamIds: input.connectedTeamIds ?? [],
      created: Math.floor(Date.now() / 1000),
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** The DM channel ('D…') between the bot and `userId`, created on first use. */
  dmChannelOf(userId: string): string {
    for (const c of this.channels.values()) {
      if (c.isIm && c.members.has(userId)) return c.id;
    }
    const id = this.nextId('D');
    const channel = this.addChannel({ id, name: id, members: [userId] });
    channel.isIm = true;
    channel.isPrivate = true;
    return id;
  }

  /** Seeds a message (e.g. a user's) so the app can thread on, update, pin or link to it. */
  addMessage(channel: string, msg: Partial<StoredMessage> & { text: string }): StoredMessage {
    const stored: StoredMessage = { ...msg, type: 'message', channel, ts: msg.ts ?? this.nextTs() };
    const list = this.messages.get(channel) ?? [];
    list.push(stored);
    list.sort((a, b) => Number(a.ts) - Number(b.ts));
    this.messages.set(channel, list);
    return stored;
  }

  /** Current messages (top-level and thread replies) of a channel, oldest first. */
  messagesIn(channel: string, opts: { threadTs?: string } = {}): StoredMessage[] {
    const all = this.messages.get(channel) ?? [];
    return opts.threadTs === undefined ? [...all] : all.filter((m) => m.thread_ts === opts.threadTs);
  }

  message(channel: string, ts: string): StoredMessage | undefined {
    return this.messages.get(channel)?.find((m) => m.ts === ts);
  }

  removeMessage(channel: string, ts: string): boolean {
    const list = this.messages.get(channel) ?? [];
    const i = list.findIndex((m) => m.ts === ts);
    if (i >= 0) list.splice(i, 1);
    return i >= 0;
  }

  /** Messages the bot posted in the DM with `userId`. */
  dmsTo(userId: string): StoredMessage[] {
    return this.messagesIn(this.dmChannelOf(userId));
  }

  ephemeralsTo(userId: string): EphemeralMessage[] {
    return this.ephemerals.filter((e) => e.user === userId);
  }

  pinsIn(channel: string): string[] {
    return [...(this.pins.get(channel) ?? [])];
  }

  reactionsOn(channel: string, ts: string): string[] {
    return [...(this.reactions.get(`${channel}/${ts}`) ?? [])];
  }

  /** Clears everything except users and channels (and their members). */
  protected resetState(): void {
    this.messages.clear();
    this.ephemerals.length = 0;
    this.pins.clear();
    this.reactions.clear();
  }
}

/** Events API deliveries of the SlackDriver. */
import { type DriverUser, nowTs, TOKEN } from './driver-payloads.js';
import { type DriverResponse, DriverTransport } from './driver-transport.js';
import { messagePayload } from './message-payload.js';

export class EventDriver extends DriverTransport {
  /** An Events API delivery. Pass the same eventId with retryNum to simulate Slack's retries. */
  async event(opts: {
    event: Record<string, unknown>;
    teamId?: string;
    eventId?: string;
    eventTime?: number;
    retryNum?: number;
    retryReason?: string;
    isExtSharedChannel?: boolean;
    contextTeamId?: string;
  }): Promise<DriverResponse & { eventId: string }> {
    const fake = this.fake;
    const eventId = opts.eventId ?? `Ev${fake.nextId('')}`;
    const teamId = opts.teamId ?? this.installTeamId;
    const envelope = {
      token: TOKEN,
      team_id: teamId,
      context_team_id: opts.contextTeamId ?? teamId,
      context_enterprise_id: null,
      api_app_id: fake.appId,
      event: { event_ts: nowTs(), ...opts.event },
      type: 'event_callback',
      event_id: eventId,
      event_time: opts.eventTime ?? Math.floor(Date.now() / 1000),
      authorizations: [
        {
          enterprise_id: null,
          team_id: this.installTeamId,
          user_id: fake.botUserId,
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
      is_ext_shared_channel: opts.isExtSharedChannel ?? false,
      event_context: `4-fake-${eventId}`,
    };
    const retry =
      opts.retryNum === undefined
        ? undefined
        : { attempt: opts.retryNum, reason: opts.retryReason ?? 'http_timeout' };
    const res = await this.postEvent(envelope, retry);
    return { ...res, eventId };
  }

  /** A user posts in a channel: the message is stored in the fake, then the `message` event is delivered. */
  /**
   * A person adds the emoji `name` to a message: kept on the message, and delivered as reaction_added.
   * Pass the same eventId with retryNum to simulate Slack's retries.
   */
  async reaction(opts: {
    user: DriverUser;
    channelId: string;
    ts: string;
    name: string;
    eventId?: string;
    retryNum?: number;
  }): Promise<DriverResponse & { eventId: string }> {
    const { user, channelId, ts, name } = opts;
    const key = `${channelId}/${ts}`;
    this.fake.reactions.set(key, [...(this.fake.reactions.get(key) ?? []), name]);
    return this.event({
      event: {
        type: 'reaction_added',
        user: user.id,
        reaction: name,
        item: { type: 'message', channel: channelId, ts },
      },
      isExtSharedChannel: this.fake.channels.get(channelId)?.isExtShared ?? false,
      ...(opts.eventId === undefined ? {} : { eventId: opts.eventId }),
      ...(opts.retryNum === undefined ? {} : { retryNum: opts.retryNum }),
    });
  }

  async userMessage(opts: {
    user: DriverUser;
    channelId: string;
    text: string;
    threadTs?: string;
  }): Promise<DriverResponse & { ts: string; eventId: string }> {
    const channel = this.fake.channels.get(opts.channelId);
    const stored = this.fake.addMessage(opts.channelId, {
      text: opts.text,
      user: opts.user.id,
      team: opts.user.teamId,
      ...(opts.threadTs === undefined ? {} : { thread_ts: opts.threadTs }),
    });
    const channelType = channel?.isIm ? 'im' : channel?.isPrivate ? 'group' : 'channel';
    const { type: _type, ...fields } = messagePayload(stored);
    const res = await this.event({
      event: {
        type: 'message',
        ...fields,
        channel: opts.channelId,
        channel_type: channelType,
        event_ts: stored.ts,
      },
      isExtSharedChannel: channel?.isExtShared ?? false,
    });
    return { ...res, ts: stored.ts };
  }
}

import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerInThread } from '../../app/asks/act-on-ask.js';
import { watchMessage } from '../../domain/conversations/watch-messages.js';
import { inRequest, type SlackDeps } from '../bolt/deps.js';
import type { ActorContext, PartnershipContext } from '../bolt/rapport-context.js';

export type MessageArgs = SlackEventMiddlewareArgs<'message'>;

interface PlainMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text?: string;
}

/**
 * A person's message in a partnership channel feeds the response clocks: customer messages are watched
 * until answered, vendor messages answer them, and a reply in an ask's thread by the side that owes it
 * counts as that ask's response. Each customer reply in an announcement's thread is watched (and counted)
 * like a message in the channel, until a vendor reply in that thread answers it.
 */
export const handleMessage =
  (services: SlackDeps) =>
  async ({
    event,
    context,
  }: MessageArgs & AllMiddlewareArgs<PartnershipContext & ActorContext>): Promise<void> => {
    const m = event as PlainMessage;
    const deps = inRequest(services, context);
    const { partnership, actor: author } = context;
    const threadTs = m.thread_ts && m.thread_ts !== m.ts ? m.thread_ts : null;
    const announcement =
      threadTs !== null && author.side === 'customer'
        ? await deps.repositories.announcementDeliveries.findByMessage(m.channel, threadTs)
        : null;
    await watchMessage({ ...deps.repositories, clock: deps.clock }, partnership, {
      channelId: m.channel,
      ts: m.ts,
      threadTs,
      author,
      text: m.text ?? '',
      postedAt: deps.clock.now(),
      watchedThread: announcement !== null,
    });
    if (announcement)
      await deps.repositories.announcementDeliveries.countResponse(announcement.id, { replies: 1 });
    if (threadTs === null) return;
    const ask = await deps.repositories.asks.findByThread(m.channel, threadTs);
    if (!ask) return;
    await answerInThread(deps, ask.id, author);
  };

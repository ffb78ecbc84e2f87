import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerInThread } from '../../app/asks/act-on-ask.js';
import { watchMessage } from '../../domain/conversations/watch-messages.js';
import type { SlackDeps } from '../bolt/deps.js';
import { partnershipOfChannel } from '../bolt/request-partnership.js';

type MessageArgs = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

/** People's messages; edits, deletions, joins and bot posts (our own cards among them) are not answers. */
const COUNTED_SUBTYPES = new Set([undefined, 'thread_broadcast', 'file_share']);

interface PlainMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  user?: string;
  bot_id?: string;
  subtype?: string;
  text?: string;
}

/**
 * Messages in a partnership channel feed the response clocks: customer messages are watched until
 * answered, vendor messages answer them, and a reply in an ask's thread by the side that owes it
 * counts as that ask's response.
 */
export const handleMessage =
  (deps: SlackDeps) =>
  async ({ event, context }: MessageArgs): Promise<void> => {
    const m = event as PlainMessage;
    if (!COUNTED_SUBTYPES.has(m.subtype) || !m.user || m.bot_id) return;
    const repos = deps.repositories;
    const partnership = await partnershipOfChannel(context, repos.partnerships, m.channel);
    if (!partnership) return;
    const author = await deps.directory.actor(m.user);
    const threadTs = m.thread_ts && m.thread_ts !== m.ts ? m.thread_ts : null;
    await watchMessage({ ...repos, clock: deps.clock }, partnership, {
      channelId: m.channel,
      ts: m.ts,
      threadTs,
      author,
      text: m.text ?? '',
      postedAt: deps.clock.now(),
    });
    if (threadTs === null) return;
    const ask = await repos.asks.findByThread(m.channel, threadTs);
    if (!ask) return;
    await answerInThread(deps, ask.id, author);
  };

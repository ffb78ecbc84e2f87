import type { WebClient } from '@slack/web-api';
import type { EffectLedger } from '../../effects/effect-ledger.js';
import { type AppLogger, errorFields } from '../../logger.js';
import type { MessageContent } from './blocks.js';
import { isSlackRefusal } from './classify-slack-failure.js';

/** The metadata type of every message Rapport posts for an effect, reminder or digest. */
export const EFFECT_EVENT_TYPE = 'rapport_effect';

/** How far back a look for an earlier post goes: it was sent minutes ago, not days. */
const LOOK_BACK_MESSAGES = 200;

export interface PostTarget {
  channel: string;
  /** The thread to post in, or none for a top-level message. */
  threadTs: string | null;
}

/**
 * The metadata of a message posted for the effect `key`. `more` names what else the message stands for
 * (a reminder names each follow-up it reminds about): objects of strings, numbers and booleans, as Slack
 * takes them.
 */
export const effectMetadata = (
  key: string,
  more: Record<string, Record<string, string | number | boolean>[]> = {},
) => ({
  event_type: EFFECT_EVENT_TYPE,
  event_payload: { ...more, key },
});

/** A message Rapport posted for an effect, found in Slack. */
export interface PostedEffect {
  /** The conversation it is in (a DM's id when the target was a person). */
  channel: string;
  ts: string;
  /** Its metadata's payload: the effect's `key` and whatever else was put there. */
  payload: Record<string, unknown>;
}

/**
 * Posts the message of the effect `key` at most once. Before the post, the ledger remembers it is going
 * out; when an earlier pass sent it without learning the outcome (a crash, a lost answer), the message is
 * looked for by its metadata in the channel or thread and adopted instead of posted again.
 * Resolves to the message's ts; the caller records the outcome with the key, which confirms the post.
 */
export async function postOnce(
  client: WebClient,
  ledger: EffectLedger,
  key: string,
  target: PostTarget,
  message: { text: string; blocks?: MessageContent['blocks'] },
): Promise<string> {
  if (ledger.unconfirmed(key)) {
    const earlier = await findPosted(client, key, target);
    if (earlier) return earlier;
  }
  await ledger.beginPosting(key);
  const posted = await client.chat.postMessage({
    ...message,
    channel: target.channel,
    ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
    metadata: effectMetadata(key),
  });
  return posted.ts as string;
}

/** The ts of a message posted for `key` in the thread or among the channel's latest messages, if any. */
export async function findPosted(client: WebClient, key: string, target: PostTarget): Promise<string | null> {
  return (await listPosted(client, target)).find((m) => m.payload.key === key)?.ts ?? null;
}

/** Rapport's own bot id for a client's token (auth.test, asked once per client). */
const botIds = new WeakMap<WebClient, Promise<string | undefined>>();
function ourBotId(client: WebClient): Promise<string | undefined> {
  let known = botIds.get(client);
  if (known === undefined) {
    known = client.auth.test().then((r) => r.bot_id);
    // A failed call is not remembered: the next look-up asks again.
    known.catch(() => botIds.delete(client));
    botIds.set(client, known);
  }
  return known;
}

/**
 * Rapport's effect messages in the thread, or among the latest messages of the channel: only those its
 * own bot posted, so another app in the channel cannot plant one that makes a post look done. A
 * person's id as the channel means the bot's DM with them, opened to learn its id (needs im:history).
 */
export async function listPosted(client: WebClient, target: PostTarget): Promise<PostedEffect[]> {
  const channel = /^[UW]/.test(target.channel)
    ? ((await client.conversations.open({ users: target.channel })).channel?.id as string)
    : target.channel;
  const page = target.threadTs
    ? await client.conversations.replies({
        channel,
        ts: target.threadTs,
        include_all_metadata: true,
        limit: LOOK_BACK_MESSAGES,
      })
    : await client.conversations.history({ channel, include_all_metadata: true, limit: LOOK_BACK_MESSAGES });
  const ours = await ourBotId(client);
  return (page.messages ?? []).flatMap((m) =>
    m.metadata?.event_type === EFFECT_EVENT_TYPE && m.ts && m.bot_id === ours
      ? [{ channel, ts: m.ts, payload: (m.metadata.event_payload ?? {}) as Record<string, unknown> }]
      : [],
  );
}

/**
 * `listPosted` for a job about to post again what an earlier attempt may have posted. A refusal of the
 * look-up (an install from before im:history was asked for, a channel gone) is logged and reads as
 * nothing found: the message is posted, as it was before look-ups existed. Rate limits and outages still
 * throw, so the job tries again later rather than post a second copy blind.
 */
export async function listPostedOrAssumeNone(
  client: WebClient,
  target: PostTarget,
  logger: AppLogger,
): Promise<PostedEffect[]> {
  try {
    return await listPosted(client, target);
  } catch (error) {
    if (!isSlackRefusal(error)) throw error;
    logger.event('warn', 'could not look for an earlier post; posting without looking', {
      channel: target.channel,
      ...errorFields(error),
    });
    return [];
  }
}

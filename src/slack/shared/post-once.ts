import type { WebClient } from '@slack/web-api';
import type { EffectLedger } from '../../effects/effect-ledger.js';
import type { MessageContent } from './blocks.js';

/** The metadata type of every message Rapport posts for an effect, reminder or digest. */
export const EFFECT_EVENT_TYPE = 'rapport_effect';

/** How far back a look for an earlier post goes: it was sent minutes ago, not days. */
const LOOK_BACK_MESSAGES = 200;

export interface PostTarget {
  channel: string;
  /** The thread to post in, or none for a top-level message. */
  threadTs: string | null;
}

export const effectMetadata = (key: string) => ({
  event_type: EFFECT_EVENT_TYPE,
  event_payload: { key },
});

/**
 * Posts the message of the effect `key` at most once. Before the post, the ledger remembers it is going
 * out; when an earlier pass sent it without learning the outcome (a crash, a lost answer), the message is
 * looked for by its metadata in the channel or thread and adopted instead of posted again.
 * Resolves to the message's ts; the caller records the outcome, which confirms the post.
 */
export async function postOnce(
  client: WebClient,
  ledger: EffectLedger,
  key: string,
  target: PostTarget,
  message: { text: string; blocks?: MessageContent['blocks'] },
): Promise<string> {
  if (ledger.unconfirmed?.key === key) {
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
  const page = target.threadTs
    ? await client.conversations.replies({
        channel: target.channel,
        ts: target.threadTs,
        include_all_metadata: true,
        limit: LOOK_BACK_MESSAGES,
      })
    : await client.conversations.history({
        channel: target.channel,
        include_all_metadata: true,
        limit: LOOK_BACK_MESSAGES,
      });
  const found = (page.messages ?? []).find(
    (m) =>
      m.metadata?.event_type === EFFECT_EVENT_TYPE &&
      (m.metadata.event_payload as Record<string, unknown> | undefined)?.key === key,
  );
  return found?.ts ?? null;
}

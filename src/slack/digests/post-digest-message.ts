import type { WebClient } from '@slack/web-api';
import type { PostedMessage } from '../../domain/digests/digest-record.js';
import { type DigestClaim, leaseFrom } from '../../domain/digests/take-due-digests.js';
import type { Clock, Repositories } from '../../domain/ports.js';
import type { AppLogger } from '../../logger.js';
import type { MessageContent } from '../shared/blocks.js';
import { classifySlackFailure } from '../shared/classify-slack-failure.js';
import { effectMetadata, listPostedOrAssumeNone } from '../shared/post-once.js';

export interface DigestPostDeps {
  /** Made with rejectRateLimitedCalls and no retries: the pacing owns every 429 and retry. */
  client: WebClient;
  repositories: Repositories;
  clock: Clock;
  logger: AppLogger;
}

export type DigestMessage = 'customerMessage' | 'internalMessage';

/** Thrown when another replica took the digest over (this one outlived its lease). */
export const LOST = 'lease_lost';

/** The key in a digest message's metadata: the record, and which of its two messages. */
export const digestMessageKey = (recordId: string, which: DigestMessage) =>
  `digest:${recordId}:${which === 'customerMessage' ? 'customer' : 'internal'}`;

/**
 * One post, under the digest's lease: renewed first, and the message recorded as soon as Slack has it.
 * When an earlier attempt may have posted it without learning the outcome (the digest was taken over from
 * a replica that died, or a try of this pass failed in a way that leaves it unknown, listed in `unsure`),
 * the message is looked for by its metadata in the channel and recorded instead of posted again. A first
 * attempt does not look: conversations.history is a Tier 3 method, and a slot posts many digests at once.
 */
export async function postDigestMessage(
  deps: DigestPostDeps,
  claim: DigestClaim,
  which: DigestMessage,
  channelId: string,
  content: MessageContent,
  unsure: Set<string>,
): Promise<string> {
  const digests = deps.repositories.digests;
  const { until } = leaseFrom(claim.token, deps.clock.now());
  if (!(await digests.renew(claim.record.id, claim.token, until))) throw new Error(LOST);
  const key = digestMessageKey(claim.record.id, which);
  const target = { channel: channelId, threadTs: null };
  const earlier =
    claim.takenOver || unsure.has(key)
      ? (await listPostedOrAssumeNone(deps.client, target, deps.logger)).find((m) => m.payload.key === key)
      : undefined;
  if (earlier) {
    deps.logger.event('info', 'digest message found already posted: recorded, not posted again', {
      digest: claim.record.id,
      which,
    });
  }
  const posted = earlier
    ? { channelId: earlier.channel, ts: earlier.ts }
    : await send(deps.client, channelId, content, key, unsure);
  await digests.recordMessage(claim.record.id, claim.token, which, posted);
  return posted.ts;
}

async function send(
  client: WebClient,
  channelId: string,
  content: MessageContent,
  key: string,
  unsure: Set<string>,
): Promise<PostedMessage> {
  try {
    const result = await client.chat.postMessage({
      channel: channelId,
      text: content.text,
      blocks: content.blocks,
      unfurl_links: false,
      unfurl_media: false,
      metadata: effectMetadata(key),
    });
    return { channelId: result.channel ?? channelId, ts: result.ts as string };
  } catch (error) {
    // A 5xx or a lost connection may come after Slack stored the message: the retry looks first. A 429
    // or a refusal means it was not posted.
    if (classifySlackFailure(error).kind === 'transient') unsure.add(key);
    throw error;
  }
}

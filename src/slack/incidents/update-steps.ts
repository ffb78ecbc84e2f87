import type { WebClient } from '@slack/web-api';
import type { IncidentUpdateDelivery } from '../../domain/incidents/incident.js';
import type { AppLogger } from '../../logger.js';
import type { MessageContent } from '../shared/blocks.js';
import { classifySlackFailure } from '../shared/classify-slack-failure.js';
import { effectMetadata, listPostedOrAssumeNone } from '../shared/post-once.js';
import { incidentReplyKey } from './ids.js';

/** What one step did in one channel: the reply's ts, the edit done, or Slack's reason for refusing. */
export type StepOutcome = { replyTs: string } | { edited: true } | { refused: string };

interface StepDeps {
  client: WebClient;
  logger: AppLogger;
}

/** Slack refused for good: recorded and reported; anything else is thrown for the pacing to retry. */
function refusedOrThrow(error: unknown): { refused: string } {
  const failure = classifySlackFailure(error);
  if (failure.kind === 'permanent') return { refused: failure.error };
  throw error;
}

/**
 * Posts the update in the channel's incident thread, once: a delivery claimed before (its holder died or
 * lost Slack's answer) is first looked for in the thread by its metadata, and adopted when found.
 */
export async function replyInThread(
  deps: StepDeps,
  delivery: IncidentUpdateDelivery,
  message: MessageContent,
  unsure: Set<string>,
): Promise<StepOutcome> {
  const key = incidentReplyKey(delivery.id);
  const target = { channel: delivery.channelId, threadTs: delivery.threadTs };
  if (delivery.attempts > 1 || unsure.has(key)) {
    const posted = await listPostedOrAssumeNone(deps.client, target, deps.logger);
    const earlier = posted.find((m) => m.payload.key === key);
    if (earlier) return { replyTs: earlier.ts };
  }
  try {
    const posted = await deps.client.chat.postMessage({
      channel: delivery.channelId,
      thread_ts: delivery.threadTs,
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
      metadata: effectMetadata(key),
    });
    return { replyTs: posted.ts as string };
  } catch (error) {
    // Slack may have stored it before failing: the retry looks first.
    unsure.add(key);
    return refusedOrThrow(error);
  }
}

/** Edits the channel's top message to the incident as it stands: idempotent, so simply done again if unsure. */
export async function editTopMessage(
  deps: StepDeps,
  delivery: IncidentUpdateDelivery,
  message: MessageContent,
): Promise<StepOutcome> {
  try {
    await deps.client.chat.update({
      channel: delivery.channelId,
      ts: delivery.threadTs,
      text: message.text,
      blocks: message.blocks,
    });
    return { edited: true };
  } catch (error) {
    return refusedOrThrow(error);
  }
}

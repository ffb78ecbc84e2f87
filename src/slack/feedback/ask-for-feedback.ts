import type { WebClient } from '@slack/web-api';
import type { Ask, HistoryEntry } from '../../domain/asks/ask.js';
import { requestFeedback } from '../../domain/feedback/request-feedback.js';
import type { Clock, FeedbackRepository } from '../../domain/ports.js';
import { buildFeedbackRequest } from './feedback-messages.js';

/** After a resolution, asks the requester privately (a DM, possible across Slack Connect) for a rating. */
export async function askForFeedback(
  client: WebClient,
  deps: { repositories: { feedback: FeedbackRepository }; clock: Clock },
  ask: Ask,
  entries: HistoryEntry[],
): Promise<void> {
  const request = await requestFeedback(deps.repositories.feedback, ask, entries, deps.clock.now());
  if (request) await client.chat.postMessage({ channel: request.userId, ...buildFeedbackRequest(request) });
}

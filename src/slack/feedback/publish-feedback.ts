import type { Actor } from '../../domain/actors.js';
import type { Feedback } from '../../domain/feedback/feedback.js';
import { feedbackEvent } from '../../domain/webhooks/webhook-events.js';
import type { Workspace } from '../../workspaces/workspace.js';
import type { SlackDeps } from '../bolt/deps.js';

/** A stored rating or comment, as a `feedback.received` webhook event. */
export async function publishFeedback(deps: SlackDeps, workspace: Workspace, feedback: Feedback, by: Actor) {
  const partnership = await workspace.repositories.partnerships.findById(feedback.partnershipId);
  if (!partnership) return;
  const at = feedback.ratedAt ?? deps.clock.now();
  await deps.webhooks.publish(workspace, [feedbackEvent(feedback, partnership, by, at)]);
}

import type { WebClient } from '@slack/web-api';
import type { Partnership } from '../../domain/partnerships/partnership.js';
import { activeCustomerIds, departureOf } from '../../domain/stakeholders/relationship-risks.js';
import type { GoneReason } from '../../domain/stakeholders/stakeholder.js';
import { stakeholderLeftEvents, type WebhookEvent } from '../../domain/webhooks/webhook-events.js';
import type { InWorkspace } from '../bolt/deps.js';
import { refreshHomes } from '../home/publish-home.js';
import { buildDepartureAlert } from './departure-alert.js';

type DepartureDeps = Pick<InWorkspace, 'repositories' | 'directory' | 'clock' | 'logger'>;

/**
 * Records that someone left a partnership's channel (or Slack). Only the call that turns them from
 * active to gone goes on, so a retried or repeated event alerts once: webhooks hear of it, and the owner
 * is told privately when the person is a listed customer contact.
 */
export async function personLeft(
  client: WebClient,
  deps: DepartureDeps,
  partnership: Partnership,
  userId: string,
  reason: GoneReason,
  publish: (events: WebhookEvent[]) => Promise<void>,
): Promise<void> {
  const now = deps.clock.now();
  const stakeholders = deps.repositories.stakeholders;
  const before = await stakeholders.markGone(partnership.id, userId, reason, now);
  if (!before) return;
  const everyone = await stakeholders.listByPartnership(partnership.id);
  const gone = { ...before, active: false, goneAt: now, goneReason: reason };
  const departure = departureOf(gone, partnership, everyone);
  await publish(stakeholderLeftEvents(gone, partnership, departure, now));
  if (!departure) return;
  const stillActive = activeCustomerIds(everyone, now).filter((id) => id !== userId);
  await client.chat.postMessage({
    channel: partnership.ownerId,
    ...buildDepartureAlert(departure, partnership, stillActive),
  });
  deps.logger.event('info', 'customer contact departed', {
    partnership: partnership.id,
    userId,
    reason,
    highRisk: departure.highRisk,
  });
  await refreshHomes(client, deps, [partnership.ownerId]);
}

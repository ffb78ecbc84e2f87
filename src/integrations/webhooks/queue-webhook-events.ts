import type { Approval } from '../../domain/approvals/approval.js';
import type { Ask } from '../../domain/asks/ask.js';
import type { Clock, Repositories } from '../../domain/ports.js';
import { queuedDelivery } from '../../domain/webhooks/webhook-delivery.js';
import { receives } from '../../domain/webhooks/webhook-endpoint.js';
import { approvalEvents, askEvents, type WebhookEvent } from '../../domain/webhooks/webhook-events.js';
import type { EffectSubject } from '../../effects/effect-runner.js';
import type { WebhookDeliverer } from './webhook-deliverer.js';

type InWorkspace = { key: string; repositories: Repositories };

/**
 * A kind of record whose changes also owe webhook events: each pass first queues the record's events for
 * every endpoint that receives them (events older than an endpoint are not its), then presents the record
 * as before, then starts delivering. Queuing is idempotent, so a pass that is retried queues nothing twice.
 */
export function withWebhookEvents<W extends InWorkspace, T extends { version: number }>(
  subject: EffectSubject<W, T>,
  eventsOf: (record: T, repositories: Repositories) => Promise<WebhookEvent[]>,
  deps: { deliverer: WebhookDeliverer<W>; clock: Clock },
): EffectSubject<W, T> {
  return {
    ...subject,
    async present(record, pass) {
      const { repositories } = pass.workspace;
      const endpoints = await repositories.webhookEndpoints.list();
      const events = endpoints.some((e) => e.disabledAt === null) ? await eventsOf(record, repositories) : [];
      const now = deps.clock.now();
      let queued = 0;
      for (const endpoint of endpoints) {
        const due = events.filter((e) => receives(endpoint, e.type) && e.at >= endpoint.createdAt);
        for (const orderKey of new Set(due.map((e) => e.orderKey))) {
          const deliveries = due
            .filter((e) => e.orderKey === orderKey)
            .map((e) => queuedDelivery(e, endpoint, now));
          await repositories.webhookDeliveries.queue(endpoint.id, orderKey, deliveries);
          queued += deliveries.length;
        }
      }
      if (queued > 0) deps.deliverer.kick(pass.workspace);
      await subject.present(record, pass);
    },
  };
}

/** An ask's events, with its partnership. */
export async function eventsOfAsk(ask: Ask, repositories: Repositories): Promise<WebhookEvent[]> {
  const partnership = await repositories.partnerships.findById(ask.partnershipId);
  return partnership ? askEvents(ask, partnership) : [];
}

/** An approval's events, with its partnership. */
export async function eventsOfApproval(
  approval: Approval,
  repositories: Repositories,
): Promise<WebhookEvent[]> {
  const partnership = await repositories.partnerships.findById(approval.partnershipId);
  return partnership ? approvalEvents(approval, partnership) : [];
}

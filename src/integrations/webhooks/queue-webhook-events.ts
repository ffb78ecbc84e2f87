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
      if (endpoints.some((e) => e.disabledAt === null)) {
        const events = await eventsOf(record, repositories);
        if ((await queueWebhookEvents(repositories, events, deps.clock.now())) > 0) {
          deps.deliverer.kick(pass.workspace);
        }
      }
      await subject.present(record, pass);
    },
  };
}

/**
 * Queues events for every endpoint that receives them, each order key (an ask) after what was queued for
 * it before; returns how many deliveries were handed to the store.
 */
export async function queueWebhookEvents(
  repositories: Repositories,
  events: WebhookEvent[],
  now: Date,
): Promise<number> {
  let queued = 0;
  for (const endpoint of await repositories.webhookEndpoints.list()) {
    const due = events.filter((e) => receives(endpoint, e));
    for (const orderKey of new Set(due.map((e) => e.orderKey))) {
      const deliveries = due
        .filter((e) => e.orderKey === orderKey)
        .map((e) => queuedDelivery(e, endpoint, now));
      await repositories.webhookDeliveries.queue(endpoint.id, orderKey, deliveries);
      queued += deliveries.length;
    }
  }
  return queued;
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

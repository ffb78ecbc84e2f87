import type { Clock, Repositories } from '../../domain/ports.js';
import {
  type AttemptOutcome,
  afterAttempt,
  DELIVERY_LOG_SIZE,
  type WebhookDelivery,
} from '../../domain/webhooks/webhook-delivery.js';
import { signingSecrets, type WebhookEndpoint } from '../../domain/webhooks/webhook-endpoint.js';
import { type AppLogger, errorFields } from '../../logger.js';
import { type SendOptions, sendWebhook } from './send-webhook.js';
import { signatureHeader } from './signature.js';

/** How long one deliverer holds a delivery: beyond the request's timeout, so no other replica sends it meanwhile. */
const LEASE_MARGIN_MS = 60_000;
/** Heads looked at per round of one endpoint. */
const BATCH = 20;

export interface WebhookDeliverer<W> {
  /** Delivers what is due in the workspace, every endpoint on its own (a slow one holds up no other). */
  deliverDue(workspace: W): Promise<void>;
  /** The same in the background: after an event was queued, or a resend. */
  kick(workspace: W): void;
  /** Resolves once the background deliveries are over. */
  drain(): Promise<void>;
}

export interface DelivererDeps<W> {
  clock: Clock;
  logger: AppLogger;
  send: SendOptions;
  /** The plaintext secrets that sign for an endpoint now (opened from the store, or the setting). */
  secretsOf(endpoint: WebhookEndpoint, sealed: string[]): string[];
  /** The receiver said 410 Gone and the endpoint was disabled: tell whoever added it. */
  disabled(workspace: W, endpoint: WebhookEndpoint): Promise<void>;
}

/**
 * Drains the webhook outbox at least once and in order per order key (an ask): each endpoint's due
 * deliveries that no earlier pending one of their key holds back, claimed with a lease so of several
 * replicas one sends each, retried with backoff until delivered or given up after 24 hours.
 */
export function createWebhookDeliverer<W extends { key: string; repositories: Repositories }>(
  deps: DelivererDeps<W>,
): WebhookDeliverer<W> {
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();

  async function attempt(endpoint: WebhookEndpoint, delivery: WebhookDelivery): Promise<AttemptOutcome> {
    const now = deps.clock.now();
    const secrets = deps.secretsOf(
      endpoint,
      signingSecrets(endpoint, now).map((s) => s.sealed),
    );
    const timestamp = Math.floor(now.getTime() / 1000);
    const headers = {
      'webhook-id': delivery.eventId,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signatureHeader(secrets, delivery.eventId, timestamp, delivery.body),
      'user-agent': 'Rapport-Webhooks',
    };
    return sendWebhook(endpoint.url, headers, delivery.body, deps.send);
  }

  /** One round over an endpoint's due heads; false when nothing more can be done now. */
  async function round(workspace: W, endpoint: WebhookEndpoint): Promise<boolean> {
    const { webhookDeliveries: deliveries, webhookEndpoints } = workspace.repositories;
    const now = deps.clock.now();
    const heads = await deliveries.listDueHeads(endpoint.id, now, BATCH);
    let sent = 0;
    for (const head of heads) {
      const leaseUntil = new Date(now.getTime() + deps.send.timeoutMs + LEASE_MARGIN_MS);
      const claimed = await deliveries.claim(head.id, deps.clock.now(), leaseUntil);
      if (!claimed) continue;
      const outcome = await attempt(endpoint, claimed);
      const after = afterAttempt(claimed, outcome, deps.clock.now());
      await deliveries.settle(after);
      sent += 1;
      if (after.status !== 'delivered') {
        deps.logger.event('warn', 'webhook not delivered', {
          endpoint: endpoint.id,
          delivery: after.id,
          status: after.status,
          attempts: after.attempts,
          error: after.lastError,
        });
      }
      if (outcome.kind === 'answered' && outcome.status === 410) {
        if (await webhookEndpoints.disable(endpoint.id, deps.clock.now()))
          await deps.disabled(workspace, endpoint);
        return false;
      }
    }
    return sent > 0;
  }

  async function deliverEndpoint(workspace: W, endpoint: WebhookEndpoint): Promise<void> {
    try {
      while (await round(workspace, endpoint));
      await workspace.repositories.webhookDeliveries.prune(endpoint.id, DELIVERY_LOG_SIZE);
    } catch (error) {
      // Left pending: the minute job tries again.
      deps.logger.event('error', 'webhook deliveries failed', {
        endpoint: endpoint.id,
        ...errorFields(error),
      });
    }
  }

  async function deliverDue(workspace: W): Promise<void> {
    const endpoints = await workspace.repositories.webhookEndpoints.list();
    await Promise.all(
      endpoints.filter((e) => e.disabledAt === null).map((e) => deliverEndpoint(workspace, e)),
    );
  }

  function kick(workspace: W): void {
    const key = workspace.key;
    if (running.has(key)) {
      again.add(key);
      return;
    }
    const run = (async () => {
      do {
        again.delete(key);
        await deliverDue(workspace);
      } while (again.has(key));
    })()
      // Left pending: the minute job tries again.
      .catch((error) => deps.logger.event('error', 'webhook deliveries failed', errorFields(error)))
      .finally(() => running.delete(key));
    running.set(key, run);
  }

  return {
    deliverDue,
    kick,
    async drain() {
      while (running.size > 0) await Promise.all([...running.values()]);
    },
  };
}

import type { WebhookDeliverer } from '../integrations/webhooks/webhook-deliverer.js';
import type { Workspace } from '../workspaces/workspace.js';
import type { Job } from './scheduler.js';

/**
 * Every minute, and once at start: sends the webhook deliveries that are due: retries whose backoff has
 * passed, and whatever a process that died had queued. Each is claimed with a lease, so of several
 * replicas one sends it.
 */
export const deliverWebhooksJob = (deps: { webhooks: WebhookDeliverer<Workspace> }): Job => ({
  name: 'webhooks',
  schedule: '* * * * *',
  runAtStart: true,
  run: (workspace) => deps.webhooks.deliverDue(workspace),
});

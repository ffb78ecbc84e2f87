/**
 * Webhook delivery on the embedded store, through the real outbox and deliverer, to a local receiver:
 * queuing events, then draining them to one healthy endpoint (the baseline), and to the same endpoint
 * beside one that never answers (its deliveries must not slow the healthy one's), in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../src/clock.js';
import type { WebhookEndpoint } from '../src/domain/webhooks/webhook-endpoint.js';
import { askEvents } from '../src/domain/webhooks/webhook-events.js';
import { queueWebhookEvents } from '../src/integrations/webhooks/queue-webhook-events.js';
import { newWebhookSecret } from '../src/integrations/webhooks/signature.js';
import { createWebhookDeliverer } from '../src/integrations/webhooks/webhook-deliverer.js';
import { createLogger } from '../src/logger.js';
import { openStore } from '../src/store/open-store.js';
import { anAsk } from '../test/support/ask-fixture.js';
import { aPartnership } from '../test/support/partnership-fixture.js';

const ASKS = Number(process.env.ASKS ?? 40);
/** Status changes per ask after it was raised: each ask gives 1 + CHANGES events. */
const CHANGES = 4;

let healthy = 0;
const held: ServerResponse[] = [];
/** Once the healthy endpoint is done, the dead one's requests fail at once, so the run can end. */
let deadCut = false;
let allHealthy: () => void = () => {};
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    if (req.url === '/dead') return void (deadCut ? res.destroy() : held.push(res));
    healthy += 1;
    res.writeHead(204).end();
    if (healthy === ASKS * (CHANGES + 1)) allHealthy();
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const endpoint = (id: string, path: string): WebhookEndpoint => ({
  id,
  url: `${base}${path}`,
  events: [],
  tags: [],
  internal: false,
  secrets: [],
  source: 'env',
  createdBy: null,
  createdAt: new Date(0),
  disabledAt: null,
});
const secret = newWebhookSecret();
const partnership = aPartnership();
const events = Array.from({ length: ASKS }, (_, i) => {
  const ask = anAsk({ id: `a${i}`, ref: `ACME-${i + 1}`, partnershipId: partnership.id });
  const changes = Array.from({ length: CHANGES }, (_, k) => ({
    at: new Date(Date.now() + k + 1),
    by: ask.requester,
    action: 'status' as const,
    from: k === 0 ? 'open' : 'in_progress',
    to: k % 2 === 0 ? 'in_progress' : 'waiting_on_customer',
    note: null,
  }));
  return askEvents({ ...ask, history: [...ask.history.slice(0, 1), ...changes] }, partnership);
}).flat();

async function run(name: string, endpoints: WebhookEndpoint[]) {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-bench-webhooks-'));
  const store = await openStore({ dataDir });
  const workspace = { key: 'T1', repositories: store };
  try {
    for (const e of endpoints) await store.webhookEndpoints.save(e);
    healthy = 0;
    deadCut = false;
    const queueStart = performance.now();
    await queueWebhookEvents(store, events, new Date());
    const queued = performance.now() - queueStart;
    const deliverer = createWebhookDeliverer({
      clock: systemClock,
      logger: createLogger('error', () => {}),
      send: { timeoutMs: 60_000, allowPrivateAddresses: true },
      secretsOf: () => [secret],
      disabled: async () => {},
    });
    const done = new Promise<void>((resolve) => {
      allHealthy = resolve;
    });
    const start = performance.now();
    const draining = deliverer.deliverDue(workspace);
    await done;
    const delivered = performance.now() - start;
    // The dead endpoint's held requests fail now, so its deliveries are left for a retry.
    deadCut = true;
    for (const res of held.splice(0)) res.destroy();
    await draining;
    console.log(
      `${name}: queued ${events.length} events for ${endpoints.length} endpoint(s) in ${queued.toFixed(0)} ms · ` +
        `${healthy} delivered to the healthy one in ${delivered.toFixed(0)} ms (${((healthy / delivered) * 1000).toFixed(0)}/s)`,
    );
    return delivered;
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const RUNS = 3;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
console.log(
  `embedded store (SQLite), ${ASKS} asks x ${CHANGES + 1} events, in order per ask; ${RUNS} runs each, interleaved, after a warm-up`,
);
try {
  await run('warm-up', [endpoint('ok', '/ok')]);
  const alone: number[] = [];
  const beside: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    alone.push(await run('healthy endpoint alone', [endpoint('ok', '/ok')]));
    beside.push(await run('beside a dead endpoint', [endpoint('ok', '/ok'), endpoint('dead', '/dead')]));
  }
  const [a, b] = [median(alone), median(beside)];
  console.log(
    `medians: alone ${a.toFixed(0)} ms (${((events.length / a) * 1000).toFixed(0)}/s), beside a dead endpoint ${b.toFixed(0)} ms; ratio ${(b / a).toFixed(2)}x`,
  );
} finally {
  server.closeAllConnections();
  server.close();
}

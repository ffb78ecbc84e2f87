import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter, Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { hasBearerToken, metricsRoute } from '../../../src/metrics/metrics-route.js';

const TOKEN = 'a-long-enough-metrics-token';
let server: Server | null = null;

/** Serves the route alone on a free port, as Bolt's receivers do; resolves to its /metrics URL. */
async function serve(registry: Registry, token: string | undefined, logs: string[] = []): Promise<string> {
  const route = metricsRoute(
    registry,
    token,
    createLogger('debug', (l) => logs.push(l)),
  );
  server = createServer((req, res) => void route.handler(Object.assign(req, { params: {} }), res));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
}

afterEach(async () => {
  const open = server;
  server = null;
  if (open) await new Promise((resolve) => open.close(resolve));
});

function registryWithOneCounter(): Registry {
  const registry = new Registry();
  new Counter({ name: 'rapport_test_total', help: 'A test counter.', registers: [registry] }).inc(3);
  return registry;
}

describe('/metrics', () => {
  it('answers the registry in Prometheus text format', async () => {
    const res = await fetch(await serve(registryWithOneCounter(), undefined));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await res.text();
    expect(text).toContain('# HELP rapport_test_total A test counter.');
    expect(text).toContain('rapport_test_total 3');
  });

  it('with a token, answers only requests bearing it', async () => {
    const url = await serve(registryWithOneCounter(), TOKEN);
    const refused = await fetch(url);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(await refused.text()).not.toContain('rapport_test_total');
    expect(
      (await fetch(url, { headers: { authorization: 'Bearer wrong-token-of-some-length' } })).status,
    ).toBe(401);
    const allowed = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('rapport_test_total 3');
  });

  it('answers 500 and logs when collecting fails', async () => {
    const registry = new Registry();
    new Counter({
      name: 'rapport_broken_total',
      help: 'Fails to collect.',
      registers: [registry],
      collect() {
        throw new Error('boom');
      },
    });
    const logs: string[] = [];
    const res = await fetch(await serve(registry, undefined, logs));
    expect(res.status).toBe(500);
    expect(logs.some((l) => l.includes('"/metrics failed"') && l.includes('boom'))).toBe(true);
  });
});

describe('hasBearerToken', () => {
  it('accepts the exact token only, in a Bearer header', () => {
    expect(hasBearerToken(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(hasBearerToken(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(hasBearerToken(`Bearer ${TOKEN}x`, TOKEN)).toBe(false);
    expect(hasBearerToken(`Basic ${TOKEN}`, TOKEN)).toBe(false);
    expect(hasBearerToken(undefined, TOKEN)).toBe(false);
  });
});

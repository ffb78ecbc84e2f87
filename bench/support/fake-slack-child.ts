/**
 * The fake Slack API in a process of its own, so that its work (answering users.info, checking the
 * Block Kit of every reply, storing posts) shares neither the load generator's event loop nor the app's.
 * It does not keep every call as the tests' fake does: calls are counted by method and outcome, then
 * dropped, so that its memory stays flat through a long run.
 */
import { FakeSlack } from '../../src/playground/slack-simulator/index.js';
import type { FakeChannelInput, FakeUserInput } from '../../src/playground/slack-simulator/types.js';
import { startTcpProxy } from '../../test/support/tcp-proxy.js';
import { announceReady, serveIpc } from './ipc.js';

export const BENCH_VENDOR_TEAM = 'TVENDOR01';

export interface FakeReady {
  apiUrl: string;
  appId: string;
  botUserId: string;
}

/** Calls by method: `ok` answered `ok: true`, `failed` anything else (errors, 4xx, Block Kit violations). */
export type CallTally = Record<string, { ok: number; failed: number }>;

const fake = await FakeSlack.start({ vendorTeamId: BENCH_VENDOR_TEAM });
// BENCH_SLACK_LATENCY_MS: the Web API is reached through a proxy that holds each answer that long, as
// Slack's own round trips take time that a fake on the same machine does not.
const latencyMs = Number(process.env.BENCH_SLACK_LATENCY_MS ?? 0);
const proxy =
  latencyMs > 0 ? await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(fake.apiUrl).port) }) : null;
proxy?.slow(latencyMs);
const tally: CallTally = {};
let violations = 0;
const violationSamples: string[] = [];
/** When each answer arrived (Date.now()): by response URL id, and by the user whose Home tab was published. */
const arrivals: Arrivals = { responseUrls: {}, homes: {} };

export interface Arrivals {
  responseUrls: Record<string, number[]>;
  homes: Record<string, number[]>;
}

const arrived = (into: Record<string, number[]>, key: unknown, at: number) => {
  into[String(key)] = [...(into[String(key)] ?? []), at];
};

function drain(): void {
  for (const call of fake.calls.splice(0)) {
    const entry = tally[call.method] ?? { ok: 0, failed: 0 };
    if (call.response?.ok === true) entry.ok += 1;
    else entry.failed += 1;
    tally[call.method] = entry;
    if (call.method === 'response_url') arrived(arrivals.responseUrls, call.args.responseUrlId, call.at);
    if (call.method === 'views.publish') arrived(arrivals.homes, call.args.user_id, call.at);
  }
  const found = fake.violations.splice(0);
  violations += found.length;
  violationSamples.push(...found.slice(0, Math.max(0, 3 - violationSamples.length)));
  fake.ephemerals.splice(0);
}
setInterval(drain, 250).unref();

serveIpc({
  setUp(world: { users: FakeUserInput[]; channels: FakeChannelInput[] }) {
    for (const user of world.users) fake.addUser(user);
    for (const channel of world.channels) fake.addChannel(channel);
  },
  /** Fresh response URLs (5 uses and 30 minutes each, as in Slack) for a user in a channel. */
  responseUrls(request: { count: number; channelId: string; userId: string }) {
    return Array.from({ length: request.count }, () =>
      fake.responseUrl({ channelId: request.channelId, userId: request.userId }),
    );
  },
  /** Calls counted since the last reset, by method, and Block Kit violations. */
  tally() {
    drain();
    return { calls: tally, violations, violationSamples };
  },
  /** When answers arrived since the last call: the replies through response URLs and the published Home tabs. */
  takeArrivals(): Arrivals {
    drain();
    const taken = { responseUrls: { ...arrivals.responseUrls }, homes: { ...arrivals.homes } };
    arrivals.responseUrls = {};
    arrivals.homes = {};
    return taken;
  },
  resetTally() {
    drain();
    for (const key of Object.keys(tally)) delete tally[key];
    violations = 0;
    violationSamples.length = 0;
  },
  async stop() {
    setImmediate(() => fake.stop().then(() => process.exit(0)));
  },
});
const apiUrl = proxy ? `http://127.0.0.1:${proxy.port}/api/` : fake.apiUrl;
announceReady({ apiUrl, appId: fake.appId, botUserId: fake.botUserId } satisfies FakeReady);

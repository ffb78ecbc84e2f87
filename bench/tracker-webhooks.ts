/**
 * A burst of tracker webhooks through the real app: ISSUES enhancements (across PARTNERSHIPS shared
 * channels, one triage channel), each linked to its own issue, with cards and twins posted; then every
 * issue is finished at once (GitHub: closed as completed; Jira: moved to Done; Linear: moved to a
 * completed state): ISSUES signed deliveries, plus DUPLICATES of them delivered a second time,
 * CONCURRENCY at a time, to POST /webhooks/<tracker>. Measures the time until every delivery is answered
 * and until every card, twin and thread notice is done (the effects drained), against a baseline in the
 * same run: the same number of deliveries about issues no ask is linked to (verified, deduplicated,
 * acknowledged and ignored). Then checks the store and the fake Slack: every ask shipped (lost: not
 * shipped, or without its notice), and exactly one notice per thread (duplicates). The fake Slack has no
 * rate limits here: the floor Slack's limits impose is computed, not measured.
 * TRACKER=github|jira|linear picks the tracker (github by default). CONNECTED=1 connects it as a
 * workspace does in Slack (its settings and webhook secret sealed in the store, read and opened for each
 * delivery) and delivers to POST /webhooks/<tracker>/<team id>, instead of configuring it from the
 * environment.
 * Run: npm run bench:trackers   (TRACKER=jira CONNECTED=1 ISSUES=1000 PARTNERSHIPS=10 DUPLICATES=100
 * CONCURRENCY=20 to change)
 */

import { rmSync } from 'node:fs';
import { DEFAULT_JOB_SETTINGS, type TrackerConfig } from '../src/config.js';
import type { Ask } from '../src/domain/asks/ask.js';
import {
  type IssueLink,
  type IssueTold,
  NO_TRACKER,
  type TrackerName,
} from '../src/domain/trackers/tracker.js';
import { NO_PERSON_LIMITS } from '../src/limit-settings.js';
import { createLogger } from '../src/logger.js';
import { FakeSlack, type StoredMessage } from '../src/playground/slack-simulator/index.js';
import { startRapport } from '../src/rapport.js';
import { createTokenCipher } from '../src/security/token-cipher.js';
import { DEFAULT_WEBHOOK_SETTINGS } from '../src/webhook-settings.js';
import { anAsk } from '../test/support/ask-fixture.js';
import { deliver, WEBHOOK_SECRET } from '../test/support/fake-github/index.js';
import { deliverJira, JIRA_WEBHOOK_SECRET } from '../test/support/fake-jira/index.js';
import { deliverLinear, LINEAR_WEBHOOK_SECRET } from '../test/support/fake-linear/index.js';
import { aPartnership } from '../test/support/partnership-fixture.js';
import { tempDataDir } from '../test/support/stores.js';
import { TestClock } from '../test/support/test-clock.js';

const ISSUES = Number(process.env.ISSUES ?? 1000);
const PARTNERSHIPS = Number(process.env.PARTNERSHIPS ?? 10);
const DUPLICATES = Number(process.env.DUPLICATES ?? 100);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 20);
const CONNECTED = process.env.CONNECTED === '1';

const VENDOR = 'TVENDOR01';
const OWNER = 'UVENDOR1';
const TRIAGE = 'CTRIAGE01';
const channelOf = (p: number) => `CP${String(p).padStart(6, '0')}`;
// Never called: the asks are linked already and the webhooks only report.
const API = 'http://127.0.0.1:9';

/** What the burst needs of a tracker: its settings either way, its issues, and how one is finished. */
interface BenchTracker {
  /** Its settings from the environment: what GITHUB_TOKEN, JIRA_* or LINEAR_* would configure. */
  env: Partial<TrackerConfig>;
  /** Its connection's settings with the secret ones sealed, and its webhook secret. */
  connection(seal: (secret: string) => string): { settings: Record<string, string>; webhookSecret: string };
  issue(number: number): IssueLink;
  /** What the issue was told when it was linked (Linear: also the customer need). */
  told: IssueTold;
  /** Delivers "issue `number` is done" to `path`; resolves to the HTTP status. */
  finish(path: string, number: number, delivery: string): Promise<{ status: number }>;
}

const clock = new TestClock('2026-12-01T10:00:00Z');
const REPO = 'acme/app';
const JIRA_SITE = 'https://acme.atlassian.net';
const meanings = { statusMap: {}, people: {} };

const TRACKERS: Record<TrackerName, BenchTracker> = {
  github: {
    env: { github: { token: 'ghp_bench_token', apiUrl: API, webhookSecret: WEBHOOK_SECRET, ...meanings } },
    connection: (seal) => ({
      settings: { apiUrl: API, token: seal('ghp_bench_token') },
      webhookSecret: seal(WEBHOOK_SECRET),
    }),
    issue: (n) => ({ tracker: 'github', key: `${REPO}#${n}`, url: `https://github.com/${REPO}/issues/${n}` }),
    told: { history: 1, votes: 0 },
    finish: (path, number, delivery) =>
      deliver(appUrl, {
        path,
        delivery,
        event: 'issues',
        payload: {
          action: 'closed',
          issue: {
            number,
            state: 'closed',
            state_reason: 'completed',
            html_url: `https://github.com/${REPO}/issues/${number}`,
          },
          repository: { full_name: REPO },
        },
      }),
  },
  jira: {
    env: {
      jira: {
        baseUrl: API,
        email: 'bench@acme.example',
        apiToken: 'bench-jira-token',
        webhookSecret: JIRA_WEBHOOK_SECRET,
        issueTypes: { enhancement: 'Story', help: 'Task' },
        ...meanings,
      },
    },
    connection: (seal) => ({
      settings: {
        baseUrl: API,
        email: 'bench@acme.example',
        apiToken: seal('bench-jira-token'),
        enhancementType: 'Story',
        helpType: 'Task',
      },
      webhookSecret: seal(JIRA_WEBHOOK_SECRET),
    }),
    issue: (n) => ({ tracker: 'jira', key: `OPS-${n}`, url: `${JIRA_SITE}/browse/OPS-${n}` }),
    told: { history: 1, votes: 0 },
    // jira:issue_updated for an issue moved to Done, with the changelog of that move.
    finish: (path, number, delivery) =>
      deliverJira(appUrl, {
        path,
        delivery,
        payload: {
          timestamp: clock.now().getTime(),
          webhookEvent: 'jira:issue_updated',
          issue: {
            id: String(10_000 + number),
            key: `OPS-${number}`,
            fields: {
              status: { name: 'Done', statusCategory: { key: 'done' } },
              resolution: { name: 'Done' },
            },
          },
          changelog: {
            items: [{ field: 'status', fieldId: 'status', fromString: 'In Progress', toString: 'Done' }],
          },
        },
      }),
  },
  linear: {
    env: {
      linear: { apiKey: 'lin_api_bench', apiUrl: API, webhookSecret: LINEAR_WEBHOOK_SECRET, ...meanings },
    },
    connection: (seal) => ({
      // Linear makes the signing secret: it is one of the connection's fields, as entered in Slack.
      settings: { apiUrl: API, apiKey: seal('lin_api_bench'), webhookSecret: seal(LINEAR_WEBHOOK_SECRET) },
      webhookSecret: seal(LINEAR_WEBHOOK_SECRET),
    }),
    issue: (n) => ({ tracker: 'linear', key: `ENG-${n}`, url: `https://linear.app/acme/issue/ENG-${n}` }),
    // Linked earlier: the issue has been told of the ask and its customer (Linear's customer need).
    told: { history: 1, votes: 0, customer: true },
    finish: (path, number, delivery) =>
      deliverLinear(clock, appUrl, {
        path,
        delivery,
        event: 'Issue',
        action: 'update',
        data: { number, identifier: `ENG-${number}`, team: { key: 'ENG' }, state: { type: 'completed' } },
        updatedFrom: { stateId: 'state-started' },
      }),
  },
};
const TRACKER = (process.env.TRACKER ?? 'github') as TrackerName;
const tracker = TRACKERS[TRACKER];
if (!tracker) throw new Error(`TRACKER=${TRACKER}: one of ${Object.keys(TRACKERS).join(', ')}`);
const path = CONNECTED ? `/webhooks/${TRACKER}/${VENDOR}` : `/webhooks/${TRACKER}`;
const keys = [{ id: 'k1', key: Buffer.alloc(32, 3) }];

const fake = await FakeSlack.start({ vendorTeamId: VENDOR });
fake.addUser({ id: OWNER, teamId: VENDOR, name: 'owner' });
fake.addChannel({ id: TRIAGE, name: 'triage', members: [OWNER] });
for (let p = 0; p < PARTNERSHIPS; p++)
  fake.addChannel({ id: channelOf(p), name: `customer-${p}`, isExtShared: true, members: [OWNER] });
const dataDir = tempDataDir();
/** Rapport's warnings and errors: what went wrong with an ask counted lost is said there. */
const logged: string[] = [];
const rapport = await startRapport(
  {
    slack: {
      botToken: 'xoxb-bench',
      distribution: null,
      signingSecret: 'bench-signing-secret-0123456789',
      appToken: null,
      socketMode: false,
      apiUrl: fake.apiUrl,
    },
    port: 0,
    store: { dataDir },
    logLevel: 'warn',
    digestGraceMs: 0,
    limits: NO_PERSON_LIMITS,
    jobs: DEFAULT_JOB_SETTINGS,
    ...(CONNECTED ? { webhooks: { ...DEFAULT_WEBHOOK_SETTINGS, secretKeys: keys } } : {}),
    trackers: {
      github: null,
      ...(CONNECTED ? {} : tracker.env),
      commentMarker: 'customer:',
      pollMinutes: 0,
      admins: [],
    },
  },
  { clock, logger: createLogger('warn', (line) => logged.push(line)), schedules: false, slackRetries: 0 },
);
const appUrl = `http://127.0.0.1:${rapport.port}`;
if (CONNECTED) {
  const cipher = createTokenCipher(keys);
  await rapport.store.trackerConnections.save({
    tracker: TRACKER,
    ...tracker.connection((secret) => cipher.seal(secret)),
    ...meanings,
    account: 'bench',
    connectedBy: OWNER,
    connectedAt: clock.now(),
    updatedAt: clock.now(),
    lastUsedAt: null,
    lastError: null,
  });
}

/** Seeds the asks, then lets the effects post their cards and twins (as after raising them). */
async function seed(): Promise<Ask[]> {
  const asks: Ask[] = [];
  for (let p = 0; p < PARTNERSHIPS; p++) {
    const partnership = aPartnership({ channelId: channelOf(p), ownerId: OWNER, triageChannelId: TRIAGE });
    const inserted = { ...partnership, id: `p${p}`, refPrefix: `C${p}` };
    await rapport.store.partnerships.insert(inserted);
    for (let i = p; i < ISSUES; i += PARTNERSHIPS) {
      const number = asks.filter((a) => a.partnershipId === inserted.id).length + 1;
      const issue = tracker.issue(i + 1);
      const ask = anAsk({
        id: `ask-${i}`,
        partnershipId: inserted.id,
        channelId: inserted.channelId,
        number,
        ref: `C${p}-${number}`,
        kind: 'enhancement',
        status: 'in_progress',
        ownerId: OWNER,
        requester: { userId: OWNER, teamId: VENDOR, side: 'vendor' },
        tracker: { ...NO_TRACKER, issue, told: tracker.told },
        createdAt: clock.now(),
        updatedAt: clock.now(),
      });
      await rapport.store.asks.insert(ask);
      asks.push(ask);
    }
  }
  clock.advance(1);
  while ((await rapport.store.askEffects.listOwed(clock.now(), clock.now(), 1)).length > 0) {
    await rapport.runJob('effects');
    // A run past the scheduler's time limit goes on by itself, and later runs skip it at once: without a
    // turn of the event loop here, its Slack calls would never be answered and this loop would spin.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return asks;
}

/** Delivers every delivery, CONCURRENCY at a time; resolves to the statuses seen and each answer's time. */
async function burst(deliveries: { number: number; delivery: string }[]) {
  const statuses = new Map<number, number>();
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < deliveries.length) {
        const d = deliveries[next++] as (typeof deliveries)[number];
        const sent = performance.now();
        const { status } = await tracker.finish(path, d.number, d.delivery);
        latencies.push(performance.now() - sent);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => `${Math.round(latencies[Math.floor(q * (latencies.length - 1))] ?? 0)} ms`;
  return { statuses, p50: at(0.5), p95: at(0.95), max: at(1) };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
try {
  const asks = await seed();
  const cardsBefore = fake.calls.filter((c) => c.method === 'chat.update').length;

  const ignored = Array.from({ length: ISSUES }, (_, i) => ({
    number: ISSUES + i + 1,
    delivery: `ignored-${i}`,
  }));
  let started = performance.now();
  const baselineBurst = await burst(ignored);
  await rapport.settled();
  const baselineMs = performance.now() - started;

  const real = asks.map((_, i) => ({ number: i + 1, delivery: `close-${i}` }));
  const replays = real
    .filter((_, i) => i % Math.max(1, Math.floor(ISSUES / DUPLICATES)) === 0)
    .slice(0, DUPLICATES);
  started = performance.now();
  const realBurst = await burst([...real, ...replays]);
  const answeredMs = performance.now() - started;
  await rapport.settled();
  const doneMs = performance.now() - started;

  let lost = 0;
  let duplicated = 0;
  for (const ask of asks) {
    const stored = await rapport.store.asks.findById(ask.id);
    const card = fake
      .messagesIn(ask.channelId)
      .find((m: StoredMessage) => String(m.text).startsWith(`${ask.ref} `));
    const notices = card
      ? fake
          .messagesIn(ask.channelId, { threadTs: card.ts })
          .filter((m: StoredMessage) => String(m.text).includes('is now *Shipped*')).length
      : 0;
    if (stored?.status !== 'shipped' || notices === 0) lost += 1;
    duplicated += Math.max(0, notices - 1);
  }
  const edits = fake.calls.filter((c) => c.method === 'chat.update').length - cardsBefore;
  // Slack's limits: chat.update is Tier 3 (about 50 a minute per workspace): each ask's card and twin
  // are edited; thread notices go at about 1 a second per channel.
  const floorMs = Math.max(((2 * ISSUES) / 50) * 60_000, (ISSUES / PARTNERSHIPS) * 1000);
  const row = {
    tracker: TRACKER,
    connected: CONNECTED ? `in Slack (${path})` : `from the environment (${path})`,
    issues: ISSUES,
    deliveries: real.length + replays.length,
    answered: seconds(answeredMs),
    done: seconds(doneMs),
    baseline: seconds(baselineMs),
    ratio: `${(doneMs / baselineMs).toFixed(2)}x`,
    'Slack floor': seconds(floorMs),
    'done / floor': `${(doneMs / floorMs).toFixed(3)}x`,
    'chat.update': edits,
    'answer p50 / p95 / max': `${realBurst.p50} / ${realBurst.p95} / ${realBurst.max}`,
    'baseline answer p50 / p95 / max': `${baselineBurst.p50} / ${baselineBurst.p95} / ${baselineBurst.max}`,
    statuses: Object.fromEntries(realBurst.statuses),
    'baseline statuses': Object.fromEntries(baselineBurst.statuses),
    lost,
    duplicated,
    'warnings and errors logged': logged.length,
  };
  console.log(JSON.stringify(row, null, 2));
  for (const line of logged.slice(0, 5)) console.log(`  ${line.slice(0, 400)}`);
  if (lost > 0 || duplicated > 0) process.exitCode = 1;
} finally {
  await rapport.stop();
  await fake.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

/**
 * What the HTTP benchmarks share: the processes (fake Slack API, app under test), where the store lives,
 * and the people, channel and partnership the requests are about.
 */
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import type { Ask, AskStatus } from '../../src/domain/asks/ask.js';
import type { Partnership } from '../../src/domain/partnerships/partnership.js';
import type { FakeChannelInput, FakeUserInput } from '../../src/playground/slack-simulator/types.js';
import type { StoreLocation } from '../../src/store/open-store.js';
import { anAsk } from '../../test/support/ask-fixture.js';
import { aPartnership } from '../../test/support/partnership-fixture.js';
import { tempDataDir, withDatabase } from '../../test/support/stores.js';
import type { AppReady, LogCounters, MemorySample } from './app-child.js';
import type { CompiledBench } from './compile.js';
import type { CallTally, FakeReady } from './fake-slack-child.js';
import { type Child, cpuSecondsOf, startChild } from './ipc.js';

export const SIGNING_SECRET = 'bench-signing-secret-0123456789';
export const BOT_TOKEN = 'xoxb-bench-token';
export const VENDOR_TEAM = 'TVENDOR01'; // the fake's installing workspace (fake-slack-child.ts)
export const CUSTOMER_TEAM = 'TCUST0001';
export const CHILD_SCRIPTS = ['bench/support/app-child.ts', 'bench/support/fake-slack-child.ts'];

/** The embedded store in a fresh temp folder, or a fresh database on BENCH_MONGODB_URI. */
export function benchStore(): StoreLocation {
  const uri = process.env.BENCH_MONGODB_URI;
  if (!uri) return { dataDir: tempDataDir() };
  return { mongodbUri: withDatabase(uri, `rapport_bench_${process.pid}_${Date.now().toString(36)}`) };
}

export const describeStore = (location: StoreLocation) =>
  'dataDir' in location ? 'embedded store (SQLite)' : 'MongoDB';

export async function removeStore(location: StoreLocation): Promise<void> {
  if ('dataDir' in location) {
    rmSync(location.dataDir, { recursive: true, force: true });
    return;
  }
  const client = await MongoClient.connect(location.mongodbUri);
  await client.db().dropDatabase();
  await client.close();
}

export interface FakeProcess extends Child<FakeReady> {
  tally(): Promise<{ calls: CallTally; violations: number; violationSamples: string[] }>;
}

/** The fake Slack API in its own process; `env` BENCH_SLACK_LATENCY_MS=<ms> holds each answer that long. */
export async function startFake(
  compiled: CompiledBench,
  env: Record<string, string> = {},
): Promise<FakeProcess> {
  const child = await startChild<FakeReady>(compiled.script('bench/support/fake-slack-child.ts'), { env });
  return Object.assign(child, {
    tally: () => child.call<Awaited<ReturnType<FakeProcess['tally']>>>('tally'),
  });
}

export interface AppProcess {
  child: Child<AppReady>;
  url: string;
  logFile: string;
  memory(gc: boolean): Promise<MemorySample>;
  counters(): Promise<LogCounters>;
  cpuSeconds(): number;
  /** Up to `max` warning and error lines of its log. */
  problems(max: number): string[];
  /** Asks it to stop (Rapport waits for work in progress), killing it after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const passedThrough = (names: string[]) =>
  Object.fromEntries(
    names.flatMap((name) => (process.env[name] ? [[name, process.env[name] as string]] : [])),
  );

/** The app under test in its own process; `store` only for Rapport. */
export async function startApp(
  compiled: CompiledBench,
  mode: 'rapport' | 'bare',
  fake: FakeProcess,
  store: StoreLocation | null,
  env: Record<string, string> = {},
): Promise<AppProcess> {
  const logFile = join(tmpdir(), `rapport-bench-${mode}-${process.pid}-${Date.now()}.log`);
  const fd = openSync(logFile, 'w');
  try {
    const child = await startChild<AppReady>(compiled.script('bench/support/app-child.ts'), {
      args: [mode],
      // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the app under test there, to see where time goes.
      execArgv: [
        '--expose-gc',
        ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
      ],
      stdout: fd,
      env: {
        BENCH_TOKEN: BOT_TOKEN,
        BENCH_SIGNING_SECRET: SIGNING_SECRET,
        BENCH_API_URL: fake.ready.apiUrl,
        ...(store ? { BENCH_STORE: JSON.stringify(store) } : {}),
        ...passedThrough([
          'LOG_LEVEL',
          'BENCH_HEAP_PROF',
          'BARE_EXTRA_LISTENERS',
          'BENCH_DRAIN_MS',
          'MALLOC_ARENA_MAX',
        ]),
        ...env,
      },
    });
    return {
      child,
      url: `http://127.0.0.1:${child.ready.port}/slack/events`,
      logFile,
      memory: (gc) => child.call<MemorySample>('memory', { gc }),
      counters: () => child.call<LogCounters>('counters'),
      cpuSeconds: () => cpuSecondsOf(child.pid),
      problems: (max) =>
        readFileSync(logFile, 'utf8')
          .split('\n')
          .filter((line) => /"level":"(warn|error)"/.test(line))
          .slice(0, max),
      async stop(graceMs) {
        await child.stop(graceMs);
        rmSync(logFile, { force: true });
      },
    };
  } finally {
    closeSync(fd);
  }
}

/** The people and the one partnership channel of the latency and event benchmarks. */
export const acme = {
  channelId: 'CSHARED01',
  triageId: 'CTRIAGE01',
  owner: 'UALICE001',
  backup: 'UBOB00001',
  vendors: Array.from({ length: 10 }, (_, i) => `UVEND${String(i + 1).padStart(4, '0')}`),
  customers: Array.from({ length: 20 }, (_, i) => `UCUST${String(i + 1).padStart(4, '0')}`),
};

export function acmeWorld(channels = 1): { users: FakeUserInput[]; channels: FakeChannelInput[] } {
  const vendors = [acme.owner, acme.backup, ...acme.vendors];
  const users: FakeUserInput[] = [
    ...vendors.map((id) => ({ id, teamId: VENDOR_TEAM, tz: 'Europe/Berlin' })),
    ...acme.customers.map((id) => ({ id, teamId: CUSTOMER_TEAM, isStranger: true, tz: null })),
  ];
  const members = [...vendors, ...acme.customers];
  return {
    users,
    channels: [
      ...Array.from({ length: channels }, (_, i) => ({
        id: acmeChannel(i),
        name: `acme-vendor-${i + 1}`,
        isExtShared: true,
        members,
      })),
      { id: acme.triageId, name: 'acme-triage', members: vendors },
    ],
  };
}

const STATUSES: AskStatus[] = ['open', 'acknowledged', 'in_progress', 'waiting_on_customer', 'resolved'];

/** The partnership in acme.channelId, or with `index` > 0 another one with the same people in channel 'CSHAREDnn'. */
export const acmeChannel = (index: number) =>
  index === 0 ? acme.channelId : `CSHARED${String(index + 1).padStart(2, '0')}`;

export function acmePartnership(index = 0): Partnership {
  return aPartnership({
    id: index === 0 ? 'p-acme' : `p-acme-${index + 1}`,
    channelId: acmeChannel(index),
    accountName: index === 0 ? 'Acme Corp' : `Acme Corp ${index + 1}`,
    ownerId: acme.owner,
    backupOwnerId: acme.backup,
    contacts: [
      { userId: acme.customers[0] as string, role: 'champion' },
      { userId: acme.customers[1] as string, role: 'technical' },
    ],
    triageChannelId: acme.triageId,
  });
}

/** `count` asks in a partnership's channel, raised by its customers, moved along as far as `k` says. */
export function asksOf(p: Partnership, count: number, customers: string[]): Ask[] {
  return Array.from({ length: count }, (_, k) => {
    const requester = {
      userId: customers[k % customers.length] as string,
      teamId: CUSTOMER_TEAM,
      side: 'customer' as const,
    };
    const base = anAsk({
      id: `${p.id}-ask-${k + 1}`,
      partnershipId: p.id,
      channelId: p.channelId,
      number: k + 1,
      ref: `${p.refPrefix}-${k + 1}`,
      requester,
      ownerId: p.ownerId,
      status: STATUSES[k % STATUSES.length] as AskStatus,
    });
    return { ...base, content: { ...base.content, title: `Export to CSV drops the last row (${k + 1})` } };
  });
}

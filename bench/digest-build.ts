/**
 * Building the digests of many partnerships: gather (store queries), compile and render both messages.
 * Run: npm run bench:digests   (PARTNERSHIPS=1000 ASKS=100 BASELINE_ASKS=10 to choose)
 * The baseline is the same build with fewer asks per partnership, in the same run: time per digest and
 * store queries per digest should not follow the number of asks. A smaller build runs first, untimed, so
 * that neither pays for compiling the code. CPU time is this process's: on a shared machine it moves
 * less than the wall time.
 */
import { loadavg } from 'node:os';
import type { Ask, AskStatus } from '../src/domain/asks/ask.js';
import { compileCustomerDigest } from '../src/domain/digests/compile-customer-digest.js';
import { compileInternalDigest } from '../src/domain/digests/compile-internal-digest.js';
import { gatherDigestSources } from '../src/domain/digests/digest-sources.js';
import { followUpId } from '../src/domain/follow-ups/follow-up.js';
import { blankFollowUp, refresh } from '../src/domain/follow-ups/plan.js';
import type { Partnership } from '../src/domain/partnerships/partnership.js';
import type { Repositories } from '../src/domain/ports.js';
import { askObligation } from '../src/domain/sla/obligation.js';
import { buildCustomerDigestMessage } from '../src/slack/digests/customer-digest-message.js';
import { buildInternalDigestMessage } from '../src/slack/digests/internal-digest-message.js';
import { openStore } from '../src/store/open-store.js';
import { toAskDocument } from '../src/store/repositories/ask-repository.js';
import { toPartnershipDocument } from '../src/store/repositories/partnership-repository.js';
import { anAsk } from '../test/support/ask-fixture.js';
import { aPartnership } from '../test/support/partnership-fixture.js';
import { tempDataDir } from '../test/support/stores.js';
import { openBulkWriter } from './support/bulk-insert.js';

const PARTNERSHIPS = Number(process.env.PARTNERSHIPS ?? 1000);
const ASKS = Number(process.env.ASKS ?? 100);
const BASELINE_ASKS = Number(process.env.BASELINE_ASKS ?? 10);
// Built on Monday 23 November 2026 at 09:00 in Berlin; the asks span the four weeks before.
const NOW = new Date('2026-11-23T08:00:00Z');
const DAY = 86_400_000;
const vendor = { userId: 'UVENDOR1', teamId: 'TVENDOR', side: 'vendor' as const };
const HELP_PATH: AskStatus[] = ['open', 'acknowledged', 'in_progress', 'waiting_on_customer', 'resolved'];

/** A help request raised `i` hours back, moved along its lifecycle as far as `i` says. */
function askOf(p: Partnership, i: number): Ask {
  const createdAt = new Date(NOW.getTime() - ((i * 7) % (28 * 24)) * 3_600_000);
  const base = anAsk({ id: `${p.id}-ask-${i}`, partnershipId: p.id, channelId: p.channelId, number: i + 1 });
  const steps = HELP_PATH.slice(1, 1 + (i % HELP_PATH.length));
  const history = [
    ...base.history.map((h) => ({ ...h, at: createdAt })),
    ...steps.map((to, s) => ({
      at: new Date(createdAt.getTime() + (s + 1) * 3_600_000),
      by: vendor,
      action: 'status' as const,
      from: HELP_PATH[s] as string,
      to,
      note: null,
    })),
  ];
  const status = steps.at(-1) ?? 'open';
  const promisedDate =
    i % 4 === 0 ? new Date(NOW.getTime() + ((i % 20) - 10) * DAY).toISOString().slice(0, 10) : null;
  return {
    ...base,
    ref: `${p.refPrefix}-${i + 1}`,
    status,
    history,
    promisedDate,
    createdAt,
    updatedAt: history.at(-1)?.at ?? createdAt,
  };
}

async function seed(partnershipCount: number, asksEach: number): Promise<string> {
  const dataDir = tempDataDir();
  const writer = await openBulkWriter(dataDir);
  for (let n = 0; n < partnershipCount; n++) {
    const p = aPartnership({
      id: `p-${n}`,
      channelId: `C${String(n).padStart(8, '0')}`,
      createdAt: new Date(NOW.getTime() - 60 * DAY),
    });
    const list = Array.from({ length: asksEach }, (_, i) => askOf(p, i));
    const planned = list.map((ask) => {
      const id = followUpId('ask', ask.id);
      const { id: _id, ...rest } = refresh(
        blankFollowUp({ type: 'ask', id: ask.id }, p.id, id, NOW),
        askObligation(ask, p),
        p,
        NOW,
      );
      return { _id: id, ...rest };
    });
    writer.insert('partnerships', [toPartnershipDocument(p)]);
    writer.insert('asks', list.map(toAskDocument));
    writer.insert('followUps', planned);
  }
  writer.close();
  return dataDir;
}

/** Counts calls to the repositories a digest reads from. */
function counting(repos: Repositories): { repos: Repositories; calls: () => number } {
  let calls = 0;
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(obj, key, receiver) {
        const value = Reflect.get(obj, key, receiver);
        return typeof value === 'function'
          ? (...args: unknown[]) => {
              calls++;
              return value.apply(obj, args);
            }
          : value;
      },
    });
  const names = [
    'asks',
    'followUps',
    'trackedMessages',
    'feedback',
    'digests',
    'approvals',
    'stakeholders',
    'incidents',
  ] as const;
  const wrapped = { ...repos, ...Object.fromEntries(names.map((n) => [n, wrap(repos[n])])) } as Repositories;
  return { repos: wrapped, calls: () => calls };
}

async function measure(asksEach: number, partnershipCount = PARTNERSHIPS) {
  const dataDir = await seed(partnershipCount, asksEach);
  const store = await openStore({ dataDir });
  try {
    const partnerships = await Promise.all(
      Array.from({ length: partnershipCount }, (_, n) => store.partnerships.findById(`p-${n}`)),
    );
    const { repos, calls } = counting(store);
    let blocks = 0;
    const cpuBefore = process.cpuUsage();
    const began = performance.now();
    for (const p of partnerships) {
      if (!p) throw new Error('a seeded partnership is missing');
      const sources = await gatherDigestSources(repos, p, NOW);
      const customer = buildCustomerDigestMessage(compileCustomerDigest(sources), NOW);
      const internal = buildInternalDigestMessage(compileInternalDigest(sources), NOW);
      blocks += customer.blocks.length + internal.blocks.length;
    }
    const ms = performance.now() - began;
    const cpu = process.cpuUsage(cpuBefore);
    return {
      ms,
      perDigest: ms / partnershipCount,
      cpuPerDigest: (cpu.user + cpu.system) / 1000 / partnershipCount,
      queries: calls() / partnershipCount,
      blocks: blocks / partnershipCount,
    };
  } finally {
    await store.close();
  }
}

await measure(BASELINE_ASKS, Math.ceil(PARTNERSHIPS / 10));
const baseline = await measure(BASELINE_ASKS);
const measured = await measure(ASKS);
const line = (label: string, r: Awaited<ReturnType<typeof measure>>) =>
  console.log(
    `${label.padEnd(28)} total ${(r.ms / 1000).toFixed(2)} s · ${r.perDigest.toFixed(2)} ms per digest ` +
      `(CPU ${r.cpuPerDigest.toFixed(2)} ms) · ` +
      `${r.queries.toFixed(2)} store queries per digest · ${r.blocks.toFixed(1)} blocks per digest pair`,
  );
console.log(
  `embedded store (SQLite), ${PARTNERSHIPS} partnerships, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
line(`baseline: ${BASELINE_ASKS} asks each`, baseline);
line(`${ASKS} asks each`, measured);
console.log(
  `ratio ${ASKS}/${BASELINE_ASKS} asks: time per digest ${(measured.perDigest / baseline.perDigest).toFixed(2)}x ` +
    `(CPU ${(measured.cpuPerDigest / baseline.cpuPerDigest).toFixed(2)}x), ` +
    `queries per digest ${(measured.queries / baseline.queries).toFixed(2)}x (asks per partnership ${(ASKS / BASELINE_ASKS).toFixed(0)}x)`,
);

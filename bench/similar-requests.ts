/**
 * Similar-request suggestions with 10,000 stored enhancements: the time to rank one enhancement against
 * the others (target: within 50 ms), against a plain linear scan of the same terms measured in the same
 * run, and the index build at start. Then a whole suggestion as the app makes it (rank, read candidates
 * and their partnerships from the embedded store).
 * Run: npm run bench:similar   (ENHANCEMENTS=10000 to choose)
 */
import { performance } from 'node:perf_hooks';
import type { Ask } from '../src/domain/asks/ask.js';
import { createRequestIndex } from '../src/similar/request-index.js';
import { requestTerm, splitWords } from '../src/similar/request-terms.js';
import { createSimilarRequests } from '../src/similar/similar-requests.js';
import { openStore } from '../src/store/open-store.js';
import { anAsk } from '../test/support/ask-fixture.js';
import { aPartnership } from '../test/support/partnership-fixture.js';
import { tempDataDir } from '../test/support/stores.js';
import { alone, type FixtureRequest, same } from '../test/unit/similar/enhancement-fixture.js';

const COUNT = Number(process.env.ENHANCEMENTS ?? 10_000);
const PARTNERSHIPS = 500;
const QUERIES = 200;

/** Deterministic, so every run ranks the same texts. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** 10,000 enhancements written like the fixture's: a fixture title and details, mixed with words of others. */
function enhancements(): Ask[] {
  const seeds: FixtureRequest[] = [...same.flat(), ...alone];
  const words = seeds.flatMap((s) => splitWords(`${s.title} ${s.details}`));
  const next = random(42);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)] as T;
  return Array.from({ length: COUNT }, (_, i) => {
    const seed = pick(seeds);
    const extra = Array.from({ length: 8 }, () => pick(words)).join(' ');
    return anAsk({
      id: `idea-${i}`,
      number: i + 1,
      ref: `P${i % PARTNERSHIPS}-${i + 1}`,
      kind: 'enhancement',
      status: 'submitted',
      partnershipId: `p-${i % PARTNERSHIPS}`,
      content: {
        title: `${seed.title} ${pick(words)}`,
        details: `${seed.details} ${extra}`,
        urgency: null,
        businessImpact: null,
        workaround: null,
        dueDate: null,
      },
    });
  });
}

/** Without an index: every stored enhancement's terms compared with the query's, best overlap first. */
function linearScan(asks: Ask[]) {
  const termsOf = (a: Ask) =>
    new Set(
      splitWords(`${a.content.title} ${a.content.details}`)
        .map(requestTerm)
        .filter((t): t is string => t !== null),
    );
  const stored = asks.map((a) => ({ ask: a, terms: termsOf(a) }));
  return (query: Ask) => {
    const wanted = termsOf(query);
    return stored
      .filter((s) => s.ask.partnershipId !== query.partnershipId)
      .map((s) => ({ id: s.ask.id, shared: [...wanted].filter((t) => s.terms.has(t)).length }))
      .sort((a, b) => b.shared - a.shared)
      .slice(0, 3);
  };
}

/** Per query: wall time, and this process's CPU time (what the query costs, whatever else the machine runs). */
function timings(run: (ask: Ask) => unknown, queries: Ask[]) {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const q of queries) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    run(q);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    wall.push(performance.now() - start);
  }
  return { wall: summary(wall), cpu: summary(cpu) };
}

function summary(ms: number[]) {
  ms.sort((a, b) => a - b);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))] as number;
  return { median: at(0.5), p95: at(0.95), max: ms[ms.length - 1] as number };
}

type Summary = ReturnType<typeof summary>;
const figures = (t: Summary) =>
  `median ${t.median.toFixed(2)} ms, p95 ${t.p95.toFixed(2)} ms, max ${t.max.toFixed(2)} ms`;
const show = (label: string, t: { wall: Summary; cpu: Summary }) =>
  console.log(`${label.padEnd(32)} CPU ${figures(t.cpu)}\n${''.padEnd(32)} wall ${figures(t.wall)}`);

async function main() {
  const asks = enhancements();
  const queries = asks.slice(0, QUERIES);

  const buildStart = performance.now();
  const index = createRequestIndex();
  for (const ask of asks) index.put(ask);
  const buildMs = performance.now() - buildStart;
  console.log(
    `${COUNT} enhancements in ${PARTNERSHIPS} partnerships; index built in ${buildMs.toFixed(0)} ms`,
  );

  timings((q) => index.rank(q, 8), queries.slice(0, 20)); // warm-up
  const ranked = timings((q) => index.rank(q, 8), queries);
  const scan = timings(linearScan(asks), queries);
  show('rank with the index', ranked);
  show('baseline: linear scan of terms', scan);
  console.log(`ratio (scan / index), median CPU: ${(scan.cpu.median / ranked.cpu.median).toFixed(1)}x`);

  const store = await openStore({ dataDir: tempDataDir() });
  try {
    for (let p = 0; p < PARTNERSHIPS; p++) {
      await store.partnerships.insert(
        aPartnership({ id: `p-${p}`, channelId: `CP${p}`, accountName: `Account ${p}` }),
      );
    }
    for (const ask of asks) await store.asks.insert(ask);
    const similar = createSimilarRequests();
    const workspace = { key: 'TBENCH', repositories: store };
    const loadStart = performance.now();
    await similar.load(workspace);
    console.log(
      `index built from the embedded store at start: ${(performance.now() - loadStart).toFixed(0)} ms`,
    );
    const whole: number[] = [];
    const wholeCpu: number[] = [];
    for (const q of queries) {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      await similar.suggest(workspace, q);
      const used = process.cpuUsage(cpuStart);
      wholeCpu.push((used.user + used.system) / 1000);
      whole.push(performance.now() - start);
    }
    show('whole suggestion (embedded)', { wall: summary(whole), cpu: summary(wholeCpu) });
  } finally {
    await store.close();
  }
}

await main();

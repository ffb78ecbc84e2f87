/**
 * The top costs of a V8 CPU profile (as BENCH_CPU_PROF=<dir> writes for each app under test), over a
 * window of it: self time by package or Rapport module, and by function, as shares of the busy time.
 * Run: [ROWS=15] npx tsx bench/profile-top.ts <file.cpuprofile> [from-s] [to-s]   (window in seconds from the start;
 * without one, the longest stretch the process was busy, which for an app under bench:ack is its load)
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, from, to] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-top.ts <file.cpuprofile> [from-s] [to-s]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const IDLE = new Set(['(idle)', '(program)']);

const frameOf = (id: number) => (nodes.get(id) as ProfileNode).callFrame;
const isIdle = (id: number) => IDLE.has(frameOf(id).functionName);
const shortUrl = (url: string) => url.replace(/.*node_modules\//, '').replace(/.*\/(src|bench)\//, '$1/');
const moduleOf = (url: string) =>
  url === '' ? '(V8 and native)' : (url.match(/node_modules\/((@[^/]+\/)?[^/]+)/)?.[1] ?? shortUrl(url));

/** Sample times in microseconds from the start. */
const times: number[] = [];
profile.timeDeltas.reduce((t, d, i) => {
  times[i] = t + d;
  return t + d;
}, 0);

/** The longest run of 100 ms buckets each at least half busy. */
function busiestStretch(): [number, number] {
  const bucket = 100_000;
  const busy = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    if (!isIdle(id)) {
      const b = Math.floor((times[i] as number) / bucket);
      busy.set(b, (busy.get(b) ?? 0) + (profile.timeDeltas[i] as number));
    }
  });
  const last = Math.max(...busy.keys());
  let best: [number, number] = [0, 0];
  let start = -1;
  for (let b = 0; b <= last + 1; b++) {
    if ((busy.get(b) ?? 0) >= bucket / 2) {
      if (start < 0) start = b;
    } else if (start >= 0) {
      if (b - start > best[1] - best[0]) best = [start, b];
      start = -1;
    }
  }
  return [best[0] * bucket, best[1] * bucket];
}

const [begin, end] = from ? [Number(from) * 1e6, Number(to ?? Infinity) * 1e6] : busiestStretch();
const byModule = new Map<string, number>();
const byFunction = new Map<string, number>();
let busyUs = 0;
let windowUs = 0;
profile.samples.forEach((id, i) => {
  const t = times[i] as number;
  if (t < begin || t > end) return;
  const d = profile.timeDeltas[i] as number;
  windowUs += d;
  if (isIdle(id)) return;
  busyUs += d;
  const frame = frameOf(id);
  const mod = moduleOf(frame.url);
  byModule.set(mod, (byModule.get(mod) ?? 0) + d);
  const fn = `${frame.functionName || '(anonymous)'} (${shortUrl(frame.url) || 'native'}:${frame.lineNumber + 1})`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + d);
});

const table = (costs: Map<string, number>, rows: number) =>
  [...costs]
    .sort((a, b) => b[1] - a[1])
    .slice(0, rows)
    .map(([name, us]) => `  ${((us / busyUs) * 100).toFixed(1).padStart(5)}%  ${name}`)
    .join('\n');

console.log(
  `${file}: ${(begin / 1e6).toFixed(1)}-${(end / 1e6).toFixed(1)} s, busy ${(busyUs / 1e3).toFixed(0)} ms of ` +
    `${(windowUs / 1e3).toFixed(0)} ms; shares of the busy time`,
);
console.log(`self time by package or module:\n${table(byModule, Number(process.env.ROWS ?? 15))}`);
console.log(`self time by function:\n${table(byFunction, Number(process.env.ROWS ?? 15))}`);

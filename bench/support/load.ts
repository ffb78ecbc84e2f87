/**
 * The load generator's side: signed POSTs to /slack/events over keep-alive connections, and latency
 * summaries. Kept lean so that the generator is never what a benchmark measures: one HMAC per request
 * (the timestamp string is made once a second), bodies built from pre-encoded pieces by the callers,
 * plain node:http with a keep-alive agent.
 */
import { createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';

export interface Outcome {
  /** HTTP status; 0 for a network error or a timeout. */
  status: number;
  /** From `startedAt` (the send, or the time it was due) to the end of the response. */
  ms: number;
}

export class SignedPoster {
  private readonly agent: Agent;
  private readonly host: string;
  private readonly port: number;
  private readonly path: string;
  private second = 0;
  private stamp = '';

  constructor(
    url: string,
    private readonly signingSecret: string,
    maxSockets: number,
    private readonly timeoutMs = 10_000,
  ) {
    const u = new URL(url);
    this.host = u.hostname;
    this.port = Number(u.port);
    this.path = u.pathname;
    // FIFO reuse keeps every pooled connection busy, so that none sits idle until the server closes it.
    this.agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: 'fifo' });
  }

  private timestamp(): string {
    const second = Math.floor(Date.now() / 1000);
    if (second !== this.second) {
      this.second = second;
      this.stamp = String(second);
    }
    return this.stamp;
  }

  post(
    body: string,
    contentType: string,
    extraHeaders: Record<string, string> = {},
    startedAt = performance.now(),
    retryStale = true,
  ): Promise<Outcome> {
    const ts = this.timestamp();
    const signature = `v0=${createHmac('sha256', this.signingSecret).update(`v0:${ts}:${body}`).digest('hex')}`;
    return new Promise((resolve) => {
      const done = (status: number) => resolve({ status, ms: performance.now() - startedAt });
      const req = request(
        {
          agent: this.agent,
          host: this.host,
          port: this.port,
          path: this.path,
          method: 'POST',
          headers: {
            'content-type': contentType,
            'content-length': Buffer.byteLength(body),
            'x-slack-request-timestamp': ts,
            'x-slack-signature': signature,
            ...extraHeaders,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => done(res.statusCode ?? 0));
          res.on('error', () => done(0));
        },
      );
      req.setTimeout(this.timeoutMs, () => req.destroy(new Error('timeout')));
      req.on('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive connection the server closed just as it was reused: send again on a fresh one
        // (what Slack's own client does too); the time lost counts.
        if (retryStale && req.reusedSocket && error.code === 'ECONNRESET')
          resolve(this.post(body, contentType, extraHeaders, startedAt, false));
        else done(0);
      });
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Latencies of one kind of request, and the failures (anything but HTTP 200). */
export class Recorder {
  readonly ms: number[] = [];
  errors = 0;
  readonly statuses = new Map<number, number>();

  add(outcome: Outcome): void {
    if (outcome.status === 200) this.ms.push(outcome.ms);
    else {
      this.errors += 1;
      this.statuses.set(outcome.status, (this.statuses.get(outcome.status) ?? 0) + 1);
    }
  }

  /** Failures by status, e.g. "2 x 401, 1 x network": empty when there were none. */
  describeErrors(): string {
    return [...this.statuses]
      .map(([status, n]) => `${n} x ${status === 0 ? 'network/timeout' : status}`)
      .join(', ');
  }
}

export interface Summary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles of the successful requests' latencies, in ms. */
export function summarize(ms: number[]): Summary {
  const sorted = Float64Array.from(ms).sort();
  const n = sorted.length;
  const at = (p: number) => (n === 0 ? Number.NaN : (sorted[Math.max(0, Math.ceil(p * n) - 1)] as number));
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: n,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: at(1),
    mean: n === 0 ? Number.NaN : sum / n,
  };
}

/** The middle value, or the mean of the two middle ones. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  return n === 0 ? Number.NaN : ((sorted[(n - 1) >> 1] as number) + (sorted[n >> 1] as number)) / 2;
}

export const fmtMs = (ms: number): string =>
  ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
export const fmtMb = (bytes: number): string => (bytes / 1_048_576).toFixed(1);
export const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}x`;

/** A small deterministic generator, so that every run sends the same mix in the same order. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

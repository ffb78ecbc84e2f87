/** Call recording, waiting, violations and failure injection of the fake Slack. */
import { TokenRegistry } from './token-registry.js';
import type { CallArgs, InjectedFailure, RecordedCall, ServedFailure } from './types.js';

type Predicate = (call: RecordedCall) => boolean;
type ArgsMatch = (args: CallArgs) => boolean;

interface Waiter {
  method: string;
  predicate: Predicate | undefined;
  resolve: (call: RecordedCall) => void;
}

const matches = (call: RecordedCall, method: string, predicate: Predicate | undefined): boolean => {
  if (call.method !== method) return false;
  try {
    return predicate === undefined || predicate(call);
  } catch {
    return false;
  }
};

export function describeCall(call: RecordedCall): string {
  const args = JSON.stringify(call.args);
  const outcome = call.response?.ok === true ? 'ok' : `${call.status} ${String(call.response?.error ?? '')}`;
  return `${call.method} ${args.length > 200 ? `${args.slice(0, 200)}…` : args} → ${outcome}`;
}

export class CallRecorder extends TokenRegistry {
  /** Every request received, in arrival order (including failed and unknown ones). */
  readonly calls: RecordedCall[] = [];
  /** Block Kit problems of rejected calls, as `<method>: <pointer>: <problem>`. Expect `[]` in afterEach. */
  readonly violations: string[] = [];
  /** Injected failures that were actually served, in order. */
  readonly failuresServed: ServedFailure[] = [];
  private readonly pending = new Map<
    string,
    Array<{ failure: InjectedFailure; remaining: number; match: ArgsMatch | undefined }>
  >();
  private readonly waiters = new Set<Waiter>();

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /**
   * Resolves with the first call to `method` (matching `predicate`) already recorded, else the next one.
   * Rejects after `timeoutMs` listing the calls seen. A predicate that throws counts as "no match".
   */
  waitForCall(method: string, predicate?: Predicate, timeoutMs = 5000): Promise<RecordedCall> {
    const existing = this.calls.find((c) => matches(c, method, predicate));
    if (existing !== undefined) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        method,
        predicate,
        resolve: (call) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(call);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const seen = this.calls.map((c) => `  - ${describeCall(c)}`).join('\n');
        reject(
          new Error(
            `FakeSlack: no ${method} call${predicate ? ' matching the predicate' : ''} within ${timeoutMs} ms. ` +
              `${this.calls.length} call(s) seen:\n${seen || '  (none)'}`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** The next `times` calls to `method` answer `{ ok: false, error }` (HTTP 200, like Slack). */
  failNext(method: string, error = 'internal_error', times = 1): void {
    this.inject(method, { kind: 'error', error }, times);
  }

  /**
   * The next `times` calls to `method` whose arguments satisfy `match` answer `{ ok: false, error }`;
   * other calls to it pass (e.g. refuse one address of several conversations.inviteShared calls).
   */
  failNextWhen(method: string, match: ArgsMatch, error: string, times = 1): void {
    this.inject(method, { kind: 'error', error }, times, match);
  }

  /** The next `times` calls to `method` answer HTTP 429 with `Retry-After: retryAfterSeconds`. */
  rateLimitNext(method: string, retryAfterSeconds: number, times = 1): void {
    this.inject(method, { kind: 'rate_limited', retryAfterSeconds }, times);
  }

  /** The next `times` calls to `method` answer with HTTP `status` (default 500). */
  failHttpNext(method: string, status = 500, times = 1): void {
    this.inject(method, { kind: 'http', status }, times);
  }

  /** Injected failures not yet served (for `method`, or all). */
  pendingFailures(method?: string): number {
    const queues = method === undefined ? [...this.pending.values()] : [this.pending.get(method) ?? []];
    return queues.flat().reduce((n, q) => n + q.remaining, 0);
  }

  /** How many injected failures were served (to `method`, or in total). */
  failuresServedCount(method?: string): number {
    return this.failuresServed.filter((f) => method === undefined || f.method === method).length;
  }

  /** Clears calls, violations, failures, messages, views, triggers and URLs; keeps users and channels. */
  reset(): void {
    this.calls.length = 0;
    this.violations.length = 0;
    this.failuresServed.length = 0;
    this.pending.clear();
    this.resetState();
  }

  private inject(method: string, failure: InjectedFailure, times: number, match?: ArgsMatch): void {
    const queue = this.pending.get(method) ?? [];
    queue.push({ failure, remaining: times, match });
    this.pending.set(method, queue);
  }

  /** Takes the next injected failure for `method` that applies to `args`, if any, and counts it as served. */
  protected takeFailure(method: string, args: CallArgs = {}): InjectedFailure | undefined {
    const queue = this.pending.get(method);
    const applies = (m: ArgsMatch | undefined) => {
      try {
        return m === undefined || m(args);
      } catch {
        return false;
      }
    };
    const index = queue?.findIndex((q) => applies(q.match)) ?? -1;
    const head = queue?.[index];
    if (queue === undefined || head === undefined) return undefined;
    head.remaining -= 1;
    if (head.remaining <= 0) queue.splice(index, 1);
    this.failuresServed.push({ method, failure: head.failure, at: Date.now() });
    return head.failure;
  }

  addViolations(method: string, problems: string[]): void {
    for (const p of problems) this.violations.push(`${method}: ${p}`);
  }

  protected record(call: RecordedCall): void {
    this.calls.push(call);
    for (const w of [...this.waiters]) {
      if (matches(call, w.method, w.predicate)) w.resolve(call);
    }
  }
}

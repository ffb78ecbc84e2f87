/**
 * Holding calls: the fake receives a call and does not answer it until the test releases it, so a test
 * can kill the app while a call is in flight. If the app goes away first (its connection closes), the
 * held call is dropped: never answered, never in `fake.calls`.
 *
 * `stage` says what Slack had done when the app went away:
 *  - 'before' (default): nothing. The call is acted on only when released, so a dropped one leaves no
 *    trace: the request never reached Slack, or Slack failed before acting on it.
 *  - 'after': everything but the answer. The call is acted on (a message is stored) and only its
 *    answer is withheld, so a dropped one is the window where Slack accepted a post and the app never
 *    learned of it.
 */
import type { CallArgs } from './types.js';

export interface HoldOptions {
  /** Let this many matching calls be answered first. Default 0. */
  after?: number;
  /** Only calls whose arguments match are counted and held. Default: every call to the method. */
  when?: (args: CallArgs) => boolean;
  /** Only calls made with a token of this team (a workspace whose Slack hangs). Default: any team. */
  team?: string;
  stage?: 'before' | 'after';
}

/** A call being held, or one that was dropped because the app went away. */
export interface HeldCall {
  method: string;
  args: CallArgs;
  stage: 'before' | 'after';
}

interface Hold {
  method: string;
  options: HoldOptions;
  passed: number;
}

interface Waiting {
  call: HeldCall;
  settle: (answered: boolean) => void;
}

export class CallHolds {
  /** Calls held now, oldest first. */
  readonly held: HeldCall[] = [];
  /** Held calls whose connection closed before they were released. */
  readonly dropped: HeldCall[] = [];
  private readonly holds: Hold[] = [];
  private readonly waiting: Waiting[] = [];
  private readonly watchers = new Set<() => void>();

  add(method: string, options: HoldOptions): void {
    this.holds.push({ method, options, passed: 0 });
  }

  /**
   * The stage at which this call, made with a token of `team`, must be held, or undefined to answer it
   * (counting it as passed). A hold of method '*' holds calls to any method.
   */
  stageFor(method: string, args: CallArgs, team: string | undefined): 'before' | 'after' | undefined {
    const hold = this.holds.find(
      (h) =>
        (h.method === method || h.method === '*') &&
        (h.options.team === undefined || h.options.team === team) &&
        matches(h.options.when, args),
    );
    if (hold === undefined) return undefined;
    if (hold.passed < (hold.options.after ?? 0)) {
      hold.passed += 1;
      return undefined;
    }
    return hold.options.stage ?? 'before';
  }

  /**
   * Holds a call until `release()` (resolves true) or until `closed` fires first (resolves false, and
   * the call is recorded as dropped).
   */
  hold(call: HeldCall, onClose: (listener: () => void) => void): Promise<boolean> {
    return new Promise((resolve) => {
      const entry: Waiting = {
        call,
        settle: (answered) => {
          const i = this.waiting.indexOf(entry);
          if (i < 0) return;
          this.waiting.splice(i, 1);
          this.held.splice(this.held.indexOf(call), 1);
          if (!answered) this.dropped.push(call);
          this.notify();
          resolve(answered);
        },
      };
      this.waiting.push(entry);
      this.held.push(call);
      onClose(() => entry.settle(false));
      this.notify();
    });
  }

  /** Stops holding: the calls held now are answered, and later ones are not held. */
  release(): void {
    this.holds.length = 0;
    for (const entry of [...this.waiting]) entry.settle(true);
  }

  /** Resolves once `predicate` holds of the held and dropped calls; rejects after `timeoutMs`. */
  waitFor(what: string, predicate: () => boolean, timeoutMs: number): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const watcher = () => {
        if (!predicate()) return;
        clearTimeout(timer);
        this.watchers.delete(watcher);
        resolve();
      };
      const timer = setTimeout(() => {
        this.watchers.delete(watcher);
        reject(new Error(`FakeSlack: ${what} within ${timeoutMs} ms (held: ${this.held.length})`));
      }, timeoutMs);
      this.watchers.add(watcher);
    });
  }

  reset(): void {
    this.release();
    this.dropped.length = 0;
  }

  private notify(): void {
    for (const watcher of [...this.watchers]) watcher();
  }
}

function matches(when: HoldOptions['when'], args: CallArgs): boolean {
  try {
    return when === undefined || when(args);
  } catch {
    return false;
  }
}

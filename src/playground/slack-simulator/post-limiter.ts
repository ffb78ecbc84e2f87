/**
 * Slack-like rate limits for chat.postMessage, off unless `FakeSlack.limitPosting` turns them on.
 * Token buckets: each channel's holds `burst` posts and refills at `perChannelPerSecond`; the workspace's
 * holds one second's worth and refills at `workspacePerSecond`. A post needs a token from both; when one
 * is empty the answer is 429 with Retry-After = whole seconds until both have a token (at least 1), and
 * the refused post takes no token. Random 429s stand for Slack throttling the workspace for its own reasons.
 */

export interface PostLimitOptions {
  /** Sustained posts per second in one channel (Slack: about 1). */
  perChannelPerSecond: number;
  /** Posts a channel may get at once before its rate applies. Default 1. */
  burst?: number;
  /** Sustained posts per second across all channels. Default: no workspace cap. */
  workspacePerSecond?: number;
  /** Share of posts (0..1) answered 429 at random before the buckets are consulted. Default 0. */
  random429Rate?: number;
  /** Retry-After of the random 429s, in seconds. Default 1. */
  retryAfterSeconds?: number;
  /** Clock in ms. Default `Date.now`. */
  now?: () => number;
  /** Default `Math.random`. */
  random?: () => number;
}

/** Why a post was answered 429. */
export type RateLimitReason = 'channel' | 'workspace' | 'random';

// Float refills (e.g. 20 ms × 50/s) must not turn a due token into a 429.
const EPSILON = 1e-9;

class TokenBucket {
  private tokens: number;

  constructor(
    private readonly perSecond: number,
    private readonly capacity: number,
    private at: number,
  ) {
    this.tokens = capacity;
  }

  /** Seconds until a token is available at `now` (0: one is). */
  waitSeconds(now: number): number {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
    return this.tokens >= 1 - EPSILON ? 0 : (1 - this.tokens) / this.perSecond;
  }

  take(): void {
    this.tokens -= 1;
  }
}

export class PostLimiter {
  /** 429s answered so far, by reason. */
  readonly limited: Record<RateLimitReason, number> = { channel: 0, workspace: 0, random: 0 };
  private readonly channels = new Map<string, TokenBucket>();
  private readonly workspace: TokenBucket | undefined;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(private readonly options: PostLimitOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    const perSecond = options.workspacePerSecond;
    this.workspace = perSecond === undefined ? undefined : new TokenBucket(perSecond, perSecond, this.now());
  }

  /** Retry-After in seconds when a post to `channel` is over a limit now; undefined when it may go. */
  admit(channel: string): number | undefined {
    const now = this.now();
    if (this.random() < (this.options.random429Rate ?? 0)) {
      this.limited.random += 1;
      return this.options.retryAfterSeconds ?? 1;
    }
    let bucket = this.channels.get(channel);
    if (bucket === undefined) {
      bucket = new TokenBucket(this.options.perChannelPerSecond, this.options.burst ?? 1, now);
      this.channels.set(channel, bucket);
    }
    const channelWait = bucket.waitSeconds(now);
    const workspaceWait = this.workspace?.waitSeconds(now) ?? 0;
    if (channelWait > 0 || workspaceWait > 0) {
      this.limited[channelWait >= workspaceWait ? 'channel' : 'workspace'] += 1;
      return Math.max(1, Math.ceil(Math.max(channelWait, workspaceWait)));
    }
    bucket.take();
    this.workspace?.take();
    return undefined;
  }
}

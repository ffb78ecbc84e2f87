/** FakeSlack: a local HTTP fake of Slack's Web API, response URLs and upload URLs. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CallHolds, type HeldCall, type HoldOptions } from './call-hold.js';
import { bearerToken, parseArgs, readRaw, sendJson } from './http-body.js';
import type { Handler, HandlerContext } from './method-kit.js';
import { appHandlers } from './methods-apps.js';
import { chatHandlers } from './methods-chat.js';
import { conversationHandlers } from './methods-conversations.js';
import { fileHandlers, handleUpload } from './methods-files.js';
import { oauthHandlers, TOKENLESS_METHODS } from './methods-oauth.js';
import { viewHandlers } from './methods-views.js';
import { PostLimiter, type PostLimitOptions, type RateLimitReason } from './post-limiter.js';
import { CallRecorder } from './recorder.js';
import { handleResponseUrl } from './response-url.js';
import { SocketModeHub } from './socket-mode.js';
import type { FakeSlackOptions } from './state.js';
import type { CallArgs, InjectedFailure, MethodResult } from './types.js';

const HANDLERS: Record<string, Handler> = {
  ...appHandlers,
  ...chatHandlers,
  ...conversationHandlers,
  ...fileHandlers,
  ...oauthHandlers,
  ...viewHandlers,
};

/** Methods handled by the fake; anything else answers `unknown_method`. */
export const SUPPORTED_METHODS = Object.keys(HANDLERS).sort();

function failureResult(failure: InjectedFailure): MethodResult {
  switch (failure.kind) {
    case 'error':
      return { body: { ok: false, error: failure.error } };
    case 'rate_limited':
      return {
        status: 429,
        headers: { 'retry-after': String(failure.retryAfterSeconds) },
        body: { ok: false, error: 'ratelimited' },
      };
    case 'http':
      return { status: failure.status, body: { ok: false, error: `http_${failure.status}` } };
  }
}

export class FakeSlack extends CallRecorder {
  /** Socket Mode: connections, envelopes and acks (see socket-mode.ts). */
  readonly socketMode: SocketModeHub;
  private postLimiter: PostLimiter | undefined;
  private updateLimiter: PostLimiter | undefined;
  private readonly holds = new CallHolds();
  private readonly outages: Array<{
    method: string;
    failure: InjectedFailure;
    active: (args: CallArgs) => boolean;
  }> = [];

  private constructor(
    private readonly server: Server,
    opts: FakeSlackOptions,
  ) {
    super(opts);
    this.socketMode = new SocketModeHub(this.appId, (problem) =>
      this.addViolations('socket_mode', [problem]),
    );
  }

  /** Starts a fake on 127.0.0.1 with a random free port. */
  static async start(opts: FakeSlackOptions = {}): Promise<FakeSlack> {
    const server = createServer();
    const fake = new FakeSlack(server, opts);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      fake.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent)
          sendJson(res, 500, { ok: false, error: 'fake_slack_crashed', detail: String(error) });
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    fake.socketMode.attach(server);
    return fake;
  }

  /** Base URL for `slackApiUrl` (ends with `/api/`; WebClient appends the method name). */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /** Turns on Slack-like rate limits for chat.postMessage (see post-limiter.ts); `reset()` turns them off. */
  limitPosting(options: PostLimitOptions): void {
    this.postLimiter = new PostLimiter(options);
  }

  /**
   * Turns on Slack's Tier 3 limit for chat.update: `perMinute` edits across the workspace, in bursts of at
   * most `burst` (default 1), and random 429s; `reset()` turns it off.
   */
  limitUpdating(
    options: { perMinute: number } & Pick<PostLimitOptions, 'burst' | 'random429Rate' | 'now' | 'random'>,
  ): void {
    const { perMinute, ...rest } = options;
    // One bucket for the whole workspace: every edit goes through the same lane.
    this.updateLimiter = new PostLimiter({ ...rest, perChannelPerSecond: perMinute / 60 });
  }

  /** chat.update calls the editing limiter answered with 429, by reason (zeros when it is off). */
  get updateRateLimitedBy(): Record<RateLimitReason, number> {
    return { ...(this.updateLimiter?.limited ?? { channel: 0, workspace: 0, random: 0 }) };
  }

  /** chat.postMessage calls the posting limiter answered with 429, by reason (zeros when it is off). */
  get rateLimitedBy(): Record<RateLimitReason, number> {
    return { ...(this.postLimiter?.limited ?? { channel: 0, workspace: 0, random: 0 }) };
  }

  get rateLimitedCount(): number {
    const { channel, workspace, random } = this.rateLimitedBy;
    return channel + workspace + random;
  }

  /**
   * Holds calls to `method` ('*': any) unanswered (see call-hold.ts), those of `options.team` only when
   * given (its Slack hangs): after `options.after` matching calls were
   * answered, each further matching one waits for `releaseHeld()`; if the app's connection closes first
   * (it was killed), the call is dropped. `stage: 'after'` acts on the call first and holds only the answer.
   */
  holdCalls(method: string, options: HoldOptions = {}): void {
    this.holds.add(method, options);
  }

  /** Calls held now, oldest first. */
  get heldCalls(): readonly HeldCall[] {
    return this.holds.held;
  }

  /** Held calls whose app went away before they were released: never answered, not in `calls`. */
  get droppedCalls(): readonly HeldCall[] {
    return this.holds.dropped;
  }

  /** Resolves once at least `count` calls are held at once. */
  waitForHeld(count = 1, timeoutMs = 5000): Promise<void> {
    return this.holds.waitFor(`${count} held call(s)`, () => this.holds.held.length >= count, timeoutMs);
  }

  /** Resolves once at least `count` held calls were dropped (their app went away). */
  waitForDropped(count = 1, timeoutMs = 5000): Promise<void> {
    return this.holds.waitFor(
      `${count} dropped call(s)`,
      () => this.holds.dropped.length >= count,
      timeoutMs,
    );
  }

  /** Resolves once no call is held: after a kill, every call of the dead app has been dropped. */
  waitForNoneHeld(timeoutMs = 5000): Promise<void> {
    return this.holds.waitFor('no held call', () => this.holds.held.length === 0, timeoutMs);
  }

  /** Answers every held call and holds no more. */
  releaseHeld(): void {
    this.holds.release();
  }

  /**
   * An outage of one method: while `active(args)` is true (asked at each call), every call to `method`
   * is answered with `failure` (e.g. `{ kind: 'http', status: 503 }` or `{ kind: 'rate_limited',
   * retryAfterSeconds: 30 }`), counted in `failuresServed`. Tie `active` to a test clock to end it, or to
   * the arguments to fail some calls only.
   */
  failWhile(method: string, failure: InjectedFailure, active: (args: CallArgs) => boolean): void {
    this.outages.push({ method, failure, active });
  }

  /** Also turns the posting limiter and outages off, and releases held calls. */
  override reset(): void {
    super.reset();
    this.postLimiter = undefined;
    this.updateLimiter = undefined;
    this.outages.length = 0;
    this.holds.reset();
    this.socketMode.reset();
  }

  async stop(): Promise<void> {
    this.socketMode.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', this.baseUrl).pathname;
    const route = /^\/(api|response|upload)\/([^/]+)$/.exec(path);
    if (req.method !== 'POST' || route === null) {
      sendJson(res, 404, { ok: false, error: 'not_found' });
      return;
    }
    const [, kind, id = ''] = route;
    const raw = await readRaw(req);
    let args: CallArgs;
    try {
      args = await parseArgs(raw, req.headers['content-type']);
    } catch {
      args = { unparsable_body: raw.toString('utf8') };
    }
    const token = bearerToken(req, args);
    delete args.token;
    const method =
      kind === 'api' ? decodeURIComponent(id) : kind === 'response' ? 'response_url' : 'file_upload';
    const injected =
      this.takeFailure(method, args) ??
      this.duringOutage(method, args) ??
      this.overPostingLimit(method, args);
    const team = token ? this.tokenTeam(token) : undefined;
    const stage = injected === undefined ? this.holds.stageFor(method, args, team) : undefined;
    // A call that arrives from an app already gone (its socket closed while the body was read) is dropped.
    const held = () =>
      this.holds.hold({ method, args, stage: stage ?? 'before' }, (l) =>
        req.socket.destroyed ? l() : res.once('close', l),
      );
    if (stage === 'before' && !(await held())) return;
    let result: MethodResult;
    if (injected !== undefined) result = failureResult(injected);
    else if ('unparsable_body' in args) result = { body: { ok: false, error: 'invalid_form_data' } };
    else if (kind === 'response') result = handleResponseUrl(this, id, args);
    else if (kind === 'upload') result = handleUpload(this, id, args, raw);
    else result = await this.callMethod(method, args, token, req.headers.authorization);
    if (stage === 'after' && !(await held())) return;
    if (kind === 'response') args.responseUrlId = id;
    if (kind === 'upload') args = { fileId: id, length: this.files.get(id)?.content?.length ?? raw.length };
    sendJson(res, result.status ?? 200, result.body, result.headers);
    this.record({ method, args, token, at: Date.now(), status: result.status ?? 200, response: result.body });
  }

  /** The failure of an outage of `method` that is on now, counted as served. */
  private duringOutage(method: string, args: CallArgs): InjectedFailure | undefined {
    const outage = this.outages.find((o) => o.method === method && o.active(args));
    if (outage !== undefined) this.failuresServed.push({ method, failure: outage.failure, at: Date.now() });
    return outage?.failure;
  }

  /** The posting (or editing) limiter's 429 for this call, if that limiter is on and the call is over a limit. */
  private overPostingLimit(method: string, args: CallArgs): InjectedFailure | undefined {
    const retryAfterSeconds =
      method === 'chat.postMessage'
        ? this.postLimiter?.admit(String(args.channel ?? ''))
        : method === 'chat.update'
          ? this.updateLimiter?.admit('workspace')
          : undefined;
    return retryAfterSeconds === undefined ? undefined : { kind: 'rate_limited', retryAfterSeconds };
  }

  private async callMethod(
    method: string,
    args: CallArgs,
    token: string | undefined,
    authorization: string | undefined,
  ): Promise<MethodResult> {
    const handler = HANDLERS[method];
    if (handler === undefined) return { body: { ok: false, error: 'unknown_method' } };
    if (!TOKENLESS_METHODS.has(method)) {
      if (token === undefined || token === '') return { body: { ok: false, error: 'not_authed' } };
      const error = this.tokenError(token);
      if (error !== undefined) return { body: { ok: false, error } };
      // An app-level token opens Socket Mode connections and does nothing else; no other token opens them.
      if (token.startsWith('xapp-') !== (method === 'apps.connections.open'))
        return { body: { ok: false, error: 'not_allowed_token_type' } };
    }
    const ctx: HandlerContext = {
      fake: this,
      socketMode: this.socketMode,
      method,
      token,
      authorization,
      reject: (problems) => {
        this.addViolations(method, problems);
        return {
          body: {
            ok: false,
            error: 'invalid_blocks',
            response_metadata: { messages: problems.map((p) => `[ERROR] ${p}`) },
          },
        };
      },
    };
    return handler(args, ctx);
  }
}

/**
 * A fake GitHub REST API for the calls Rapport makes (create an issue, read one, search issues), answering
 * as GitHub documents: status codes and error bodies, rate-limit headers, Retry-After on 429. Faults are
 * queued per test: an error answer, or an issue created whose answer is lost (a 502 after the create).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type LocalServer, startLocalServer } from '../local-server.js';

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  labels: string[];
  state: 'open' | 'closed';
  state_reason: 'completed' | 'not_planned' | 'reopened' | 'duplicate' | null;
  milestone: { title: string; due_on: string | null } | null;
  assignees: { login: string }[];
  comments: { body: string; created_at: string }[];
}

export interface FakeGithubCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown> | null;
  status: number;
  /** The token the call was made with. */
  token: string | null;
}

type Fault = { status: number; headers?: Record<string, string>; message: string } | { loseAnswer: true };

export const GITHUB_TOKEN = 'ghp_fake_token_0123456789';

export class FakeGithub {
  readonly calls: FakeGithubCall[] = [];
  private readonly repos = new Map<string, { issues: FakeIssue[]; archived: boolean }>();
  private readonly faults: { method: string; fault: Fault }[] = [];
  /** Creates held: the issue is stored, its answer never sent (the caller dies waiting). */
  private holdCreates = 0;
  private held = 0;
  private heldWaiters: (() => void)[] = [];
  private remaining = 5000;
  /** GitHub's clock: tests set it to theirs, so `since` filters agree with the app's time. */
  now: () => Date = () => new Date();

  private constructor(
    private readonly server: LocalServer,
    readonly apiUrl: string,
    /** The one token it accepts, and the account it belongs to (GET /user). */
    readonly account: { token: string; login: string },
  ) {}

  static async start(account = { token: GITHUB_TOKEN, login: 'rapport-bot' }): Promise<FakeGithub> {
    let fake: FakeGithub | null = null;
    const server = await startLocalServer((req, res) => fake?.serve(req, res));
    fake = new FakeGithub(server, server.url, account);
    return fake;
  }

  addRepo(fullName: string, options: { archived?: boolean } = {}): void {
    this.repos.set(fullName.toLowerCase(), { issues: [], archived: options.archived ?? false });
  }

  /** The repository's issues, as GitHub keeps them. */
  issues(fullName: string): FakeIssue[] {
    return this.repos.get(fullName.toLowerCase())?.issues ?? [];
  }

  /** An issue someone opened in GitHub (not through Rapport). */
  openIssue(fullName: string, title: string): FakeIssue {
    const issues = this.issues(fullName);
    const issue: FakeIssue = {
      number: issues.length + 1,
      title,
      body: '',
      labels: [],
      state: 'open',
      state_reason: null,
      milestone: null,
      assignees: [],
      comments: [],
    };
    issues.push(issue);
    return issue;
  }

  /** The next `method` calls (in order) meet these faults instead of their normal answer. */
  failNext(method: 'GET' | 'POST', ...faults: Fault[]): void {
    for (const fault of faults) this.faults.push({ method, fault });
  }

  /** The next create stores its issue and never answers, as when the caller is killed waiting. */
  holdNextCreate(): void {
    this.holdCreates += 1;
  }

  /** Resolves once a create is being held. */
  waitForHeld(): Promise<void> {
    if (this.held > 0) return Promise.resolve();
    return new Promise((resolve) => this.heldWaiters.push(resolve));
  }

  callsTo(method: string, pathPrefix: string): FakeGithubCall[] {
    return this.calls.filter((c) => c.method === method && c.path.startsWith(pathPrefix));
  }

  htmlUrl(fullName: string, number: number): string {
    return `https://github.com/${fullName}/issues/${number}`;
  }

  toJson(fullName: string, issue: FakeIssue) {
    return {
      id: 1000 + issue.number,
      number: issue.number,
      title: issue.title,
      body: issue.body,
      state: issue.state,
      state_reason: issue.state_reason,
      labels: issue.labels.map((name) => ({ name })),
      milestone: issue.milestone,
      assignees: issue.assignees,
      html_url: this.htmlUrl(fullName, issue.number),
      repository_url: `${this.apiUrl}/repos/${fullName}`,
    };
  }

  async stop(): Promise<void> {
    await this.server.stop();
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.apiUrl);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
    const call: FakeGithubCall = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      status: 0,
      token: req.headers.authorization?.replace(/^token /, '') ?? null,
    };
    this.calls.push(call);
    const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
      call.status = status;
      this.remaining = Math.max(0, this.remaining - 1);
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': String(this.remaining),
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        'x-github-request-id': `REQ${this.calls.length}`,
        ...headers,
      });
      res.end(JSON.stringify(json));
    };
    const error = (status: number, message: string, headers: Record<string, string> = {}) =>
      send(status, { message, documentation_url: 'https://docs.github.com/rest' }, headers);
    if (call.token !== this.account.token) return error(401, 'Bad credentials');
    const index = this.faults.findIndex((f) => f.method === call.method);
    const fault = index >= 0 ? this.faults.splice(index, 1)[0]?.fault : undefined;
    if (fault && !('loseAnswer' in fault)) return error(fault.status, fault.message, fault.headers);
    const answer = this.route(call, url);
    if (fault) return error(502, 'Server Error'); // the work was done; its answer is lost
    if (
      call.method === 'POST' &&
      answer.status === 201 &&
      this.holdCreates > 0 &&
      !url.pathname.endsWith('/comments')
    ) {
      this.holdCreates -= 1;
      this.held += 1;
      for (const waiter of this.heldWaiters.splice(0)) waiter();
      return; // never answered: the connection ends when the caller does
    }
    return send(answer.status, answer.json);
  }

  private route(call: FakeGithubCall, url: URL): { status: number; json: unknown } {
    const notFound = { status: 404, json: { message: 'Not Found' } };
    const comments = /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname);
    if (comments) {
      const found = this.issues(comments[1] as string).find((i) => i.number === Number(comments[2]));
      return this.comments(call, found);
    }
    const issues = /^\/repos\/([^/]+\/[^/]+)\/issues(?:\/(\d+))?$/.exec(url.pathname);
    if (call.method === 'GET' && url.pathname === '/search/issues') return this.search(call.query.q ?? '');
    if (call.method === 'GET' && url.pathname === '/user')
      return { status: 200, json: { login: this.account.login, id: 1, type: 'User' } };
    if (!issues) return notFound;
    const fullName = issues[1] as string;
    const repo = this.repos.get(fullName.toLowerCase());
    if (!repo) return notFound;
    if (call.method === 'POST' && !issues[2]) {
      if (repo.archived)
        return { status: 403, json: { message: 'Repository was archived so is read-only.' } };
      const title = call.body?.title;
      if (typeof title !== 'string' || !title) return { status: 422, json: { message: 'Validation Failed' } };
      const issue = this.openIssue(fullName, title);
      issue.body = String(call.body?.body ?? '');
      issue.labels = (call.body?.labels as string[] | undefined) ?? [];
      return { status: 201, json: this.toJson(fullName, issue) };
    }
    const issue = repo.issues.find((i) => i.number === Number(issues[2]));
    if (call.method === 'GET' && issue) return { status: 200, json: this.toJson(fullName, issue) };
    return notFound;
  }

  /** POST and GET /repos/{owner}/{repo}/issues/{number}/comments (GET filtered by `since`). */
  private comments(call: FakeGithubCall, issue: FakeIssue | undefined): { status: number; json: unknown } {
    if (!issue) return { status: 404, json: { message: 'Not Found' } };
    if (call.method === 'POST') {
      const body = call.body?.body;
      if (typeof body !== 'string' || !body) return { status: 422, json: { message: 'Validation Failed' } };
      const comment = { body, created_at: this.now().toISOString() };
      issue.comments.push(comment);
      return {
        status: 201,
        json: { id: issue.comments.length, ...comment, user: { login: 'rapport[bot]' } },
      };
    }
    const since = call.query.since ? Date.parse(call.query.since) : 0;
    const shown = issue.comments.filter((c) => Date.parse(c.created_at) >= since);
    return { status: 200, json: shown.map((c, i) => ({ id: i + 1, ...c, user: { login: 'rapport[bot]' } })) };
  }

  /** `"<text>" in:title repo:<owner/repo> is:issue`: the issues whose title holds the text. */
  private search(q: string): { status: number; json: unknown } {
    const text = /"([^"]+)"/.exec(q)?.[1] ?? '';
    const fullName = /repo:(\S+)/.exec(q)?.[1] ?? '';
    const items = this.issues(fullName)
      .filter((i) => i.title.includes(text))
      .map((i) => this.toJson(fullName, i));
    return { status: 200, json: { total_count: items.length, incomplete_results: false, items } };
  }
}

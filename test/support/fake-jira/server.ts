/**
 * A fake Jira Cloud REST API v3 for the calls Rapport makes (create an issue, read one, search with JQL,
 * list and add comments), answering as Atlassian documents: `{ errorMessages, errors }` bodies, 400 for a
 * field Jira rejects, 404 for an issue it cannot show, Retry-After on 429, the enhanced search's
 * `nextPageToken` / `isLast` pagination, and entity properties on issues and comments. Faults are queued
 * per test: an error answer, or an issue created whose answer is lost (a 502 after the create).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type LocalServer, startLocalServer } from '../local-server.js';

export const JIRA_EMAIL = 'rapport-bot@acme.example';
export const JIRA_API_TOKEN = 'ATATT3xFfGF0-fake-token';

export interface FakeJiraComment {
  id: string;
  body: unknown;
  created: string;
  author: { accountId: string; displayName: string };
  properties: { key: string; value: unknown }[];
}

export interface FakeJiraIssue {
  id: string;
  key: string;
  summary: string;
  description: unknown;
  labels: string[];
  issuetype: string;
  status: { name: string; category: 'new' | 'indeterminate' | 'done' };
  resolution: string | null;
  duedate: string | null;
  assignee: { accountId: string; displayName: string } | null;
  fixVersions: { name: string; releaseDate: string | null }[];
  comments: FakeJiraComment[];
  properties: Record<string, unknown>;
}

export interface FakeJiraCall {
  method: string;
  path: string;
  query: Record<string, string[]>;
  body: Record<string, unknown> | null;
  status: number;
}

type Fault = { status: number; headers?: Record<string, string>; message: string } | { loseAnswer: true };
type Answer = { status: number; json: unknown };

const CATEGORY_NAMES = { new: 'To Do', indeterminate: 'In Progress', done: 'Done' } as const;
const RAPPORT_ACCOUNT = { accountId: '5b10a2844c20165700ede21g', displayName: 'Rapport Bot' };

const failure = (status: number, errorMessages: string[], errors: Record<string, string> = {}): Answer => ({
  status,
  json: { errorMessages, errors },
});

export class FakeJira {
  readonly calls: FakeJiraCall[] = [];
  private readonly projects = new Map<string, { issueTypes: string[]; issues: FakeJiraIssue[] }>();
  private readonly faults: { request: string; fault: Fault }[] = [];
  private nextId = 10_000;
  /** Creates held: the issue is stored, its answer never sent (the caller dies waiting). */
  private holdCreates = 0;
  private held = 0;
  private heldWaiters: (() => void)[] = [];
  /** Jira's clock: tests set it to theirs, so comment times agree with the app's. */
  now: () => Date = () => new Date();

  private constructor(
    private readonly server: LocalServer,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<FakeJira> {
    let fake: FakeJira | null = null;
    const server = await startLocalServer((req, res) => fake?.serve(req, res));
    fake = new FakeJira(server, server.url);
    return fake;
  }

  addProject(key: string, issueTypes = ['Story', 'Task', 'Bug']): void {
    this.projects.set(key, { issueTypes, issues: [] });
  }

  issues(project: string): FakeJiraIssue[] {
    return this.projects.get(project)?.issues ?? [];
  }

  private find(key: string): FakeJiraIssue | undefined {
    return this.issues(key.split('-')[0] ?? '').find((i) => i.key === key);
  }

  /** An issue someone opened in Jira (not through Rapport). */
  openIssue(project: string, summary: string, issuetype = 'Story'): FakeJiraIssue {
    const issues = this.issues(project);
    const issue: FakeJiraIssue = {
      id: String(this.nextId++),
      key: `${project}-${issues.length + 1}`,
      summary,
      description: null,
      labels: [],
      issuetype,
      status: { name: 'To Do', category: 'new' },
      resolution: null,
      duedate: null,
      assignee: null,
      fixVersions: [],
      comments: [],
      properties: {},
    };
    issues.push(issue);
    return issue;
  }

  /** Moves an issue to a status of a category, as a workflow transition would (done with a resolution). */
  transition(
    issue: FakeJiraIssue,
    category: FakeJiraIssue['status']['category'],
    resolution: string | null = null,
  ) {
    issue.status = { name: CATEGORY_NAMES[category], category };
    issue.resolution = category === 'done' ? (resolution ?? 'Done') : null;
  }

  remove(key: string): void {
    const issues = this.issues(key.split('-')[0] ?? '');
    issues.splice(
      issues.findIndex((i) => i.key === key),
      1,
    );
  }

  /** The next calls to `request` (`POST /rest/api/3/issue`), in order, meet these faults instead of their answer. */
  failNext(request: string, ...faults: Fault[]): void {
    for (const fault of faults) this.faults.push({ request, fault });
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

  callsTo(method: string, pathPrefix: string): FakeJiraCall[] {
    return this.calls.filter((c) => c.method === method && c.path.startsWith(pathPrefix));
  }

  browseUrl(key: string): string {
    return `${this.baseUrl}/browse/${key}`;
  }

  /** The issue as REST v3 (and webhooks) show it. */
  toJson(issue: FakeJiraIssue, withProperties: string[] = []) {
    const categoryId = { new: 2, indeterminate: 4, done: 3 }[issue.status.category];
    return {
      id: issue.id,
      key: issue.key,
      self: `${this.baseUrl}/rest/api/3/issue/${issue.id}`,
      fields: {
        summary: issue.summary,
        issuetype: { name: issue.issuetype },
        labels: issue.labels,
        status: {
          name: issue.status.name,
          statusCategory: {
            id: categoryId,
            key: issue.status.category,
            name: CATEGORY_NAMES[issue.status.category],
          },
        },
        resolution: issue.resolution ? { name: issue.resolution } : null,
        duedate: issue.duedate,
        assignee: issue.assignee,
        fixVersions: issue.fixVersions.map((v, i) => ({ id: String(i + 1), ...v, released: false })),
      },
      ...(withProperties.length > 0
        ? {
            properties: Object.fromEntries(
              withProperties.flatMap((key) =>
                key in issue.properties ? [[key, issue.properties[key]]] : [],
              ),
            ),
          }
        : {}),
    };
  }

  async stop(): Promise<void> {
    await this.server.stop();
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const query: Record<string, string[]> = {};
    for (const [name, value] of url.searchParams) query[name] = [...(query[name] ?? []), ...value.split(',')];
    const call: FakeJiraCall = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query,
      body: raw ? (JSON.parse(raw) as Record<string, unknown>) : null,
      status: 0,
    };
    this.calls.push(call);
    const send = ({ status, json }: Answer, headers: Record<string, string> = {}) => {
      call.status = status;
      res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...headers });
      res.end(JSON.stringify(json));
    };
    const basic = `Basic ${Buffer.from(`${JIRA_EMAIL}:${JIRA_API_TOKEN}`).toString('base64')}`;
    if (req.headers.authorization !== basic)
      return send(failure(401, ['Client must be authenticated to access this resource.']));
    const index = this.faults.findIndex((f) => f.request === `${call.method} ${call.path}`);
    const fault = index >= 0 ? this.faults.splice(index, 1)[0]?.fault : undefined;
    if (fault && !('loseAnswer' in fault)) return send(failure(fault.status, [fault.message]), fault.headers);
    const answer = this.route(call);
    if (fault) return send(failure(502, ['Bad Gateway'])); // the work was done; its answer is lost
    if (call.path === '/rest/api/3/issue' && answer.status === 201 && this.holdCreates > 0) {
      this.holdCreates -= 1;
      this.held += 1;
      for (const waiter of this.heldWaiters.splice(0)) waiter();
      return; // never answered: the connection ends when the caller does
    }
    return send(answer);
  }

  private route(call: FakeJiraCall): Answer {
    const { method, path } = call;
    if (method === 'POST' && path === '/rest/api/3/issue') return this.create(call.body ?? {});
    if (method === 'POST' && path === '/rest/api/3/search/jql') return this.search(call.body ?? {});
    if (method === 'GET' && path === '/rest/api/3/myself')
      return { status: 200, json: { ...RAPPORT_ACCOUNT, emailAddress: JIRA_EMAIL, active: true } };
    const comments = /^\/rest\/api\/3\/issue\/([A-Z][A-Z0-9_]*-\d+)\/comment$/.exec(path);
    if (comments) return this.comments(call, this.find(comments[1] as string));
    const issue = /^\/rest\/api\/3\/issue\/([A-Z][A-Z0-9_]*-\d+)$/.exec(path);
    const found = issue ? this.find(issue[1] as string) : undefined;
    if (method === 'GET' && found) return { status: 200, json: this.toJson(found) };
    if (issue) return failure(404, ['Issue does not exist or you do not have permission to see it.']);
    return failure(404, ['Not found']);
  }

  /** POST /rest/api/3/issue: `fields` with project, issuetype, summary, an ADF description; `properties`. */
  private create(body: Record<string, unknown>): Answer {
    const fields = (body.fields ?? {}) as Record<string, unknown>;
    const projectKey = (fields.project as { key?: string } | undefined)?.key ?? '';
    const project = this.projects.get(projectKey);
    if (!project) return failure(400, [], { project: 'valid project is required' });
    const type = (fields.issuetype as { name?: string } | undefined)?.name ?? '';
    if (!project.issueTypes.includes(type))
      return failure(400, [], { issuetype: 'Specify a valid issue type' });
    const summary = fields.summary;
    if (typeof summary !== 'string' || !summary)
      return failure(400, [], { summary: 'You must specify a summary of the issue.' });
    const description = fields.description as { type?: string } | undefined;
    if (description && description.type !== 'doc')
      return failure(400, [], {
        description: 'Operation value must be an Atlassian Document (see the Atlassian Document Format)',
      });
    const issue = this.openIssue(projectKey, summary, type);
    issue.description = description ?? null;
    issue.labels = (fields.labels as string[] | undefined) ?? [];
    for (const p of (body.properties as { key: string; value: unknown }[] | undefined) ?? [])
      issue.properties[p.key] = p.value;
    return {
      status: 201,
      json: { id: issue.id, key: issue.key, self: `${this.baseUrl}/rest/api/3/issue/${issue.id}` },
    };
  }

  /**
   * POST /rest/api/3/search/jql with the two queries Rapport makes: `key in (…)` (a key that does not exist
   * fails the whole query, as in Jira) and `project = "X" AND summary ~ "\"text\""`.
   */
  private search(body: Record<string, unknown>): Answer {
    const jql = String(body.jql ?? '');
    const properties = (body.properties as string[] | undefined) ?? [];
    const maxResults = Math.min(Number(body.maxResults ?? 50), 100);
    let found: FakeJiraIssue[];
    const keys = /^key in \(([^)]*)\)$/.exec(jql);
    const summary = /^project = "([A-Z0-9_]+)" AND summary ~ "\\"([^"\\]+)\\""/.exec(jql);
    if (keys) {
      const wanted = (keys[1] ?? '').split(',').map((k) => k.trim());
      const missing = wanted.find((key) => !this.find(key));
      if (missing) return failure(400, [`An issue with key '${missing}' does not exist for field 'key'.`]);
      found = wanted.map((key) => this.find(key) as FakeJiraIssue);
    } else if (summary) {
      if (!this.projects.has(summary[1] as string))
        return failure(400, [`The value '${summary[1]}' does not exist for the field 'project'.`]);
      found = this.issues(summary[1] as string)
        .filter((i) => i.summary.includes(summary[2] as string))
        .reverse();
    } else return failure(400, [`Error in the JQL Query: ${jql}`]);
    const start = Number(body.nextPageToken ?? 0);
    const page = found.slice(start, start + maxResults);
    const isLast = start + maxResults >= found.length;
    return {
      status: 200,
      json: {
        issues: page.map((i) => this.toJson(i, properties)),
        ...(isLast ? {} : { nextPageToken: String(start + maxResults) }),
        isLast,
      },
    };
  }

  /** GET (newest first with `orderBy=-created`, properties with `expand=properties`) and POST comments. */
  private comments(call: FakeJiraCall, issue: FakeJiraIssue | undefined): Answer {
    if (!issue) return failure(404, ['Issue does not exist or you do not have permission to see it.']);
    if (call.method === 'POST') {
      const body = call.body?.body as { type?: string } | undefined;
      if (body?.type !== 'doc') return failure(400, [], { comment: 'Comment body can not be empty!' });
      const comment: FakeJiraComment = {
        id: String(this.nextId++),
        body,
        created: this.now().toISOString().replace('Z', '+0000'),
        author: RAPPORT_ACCOUNT,
        properties: (call.body?.properties as FakeJiraComment['properties'] | undefined) ?? [],
      };
      issue.comments.push(comment);
      const { properties: _hidden, ...shown } = comment;
      return { status: 201, json: shown };
    }
    const newestFirst = call.query.orderBy?.[0] === '-created';
    const withProperties = call.query.expand?.includes('properties') ?? false;
    const ordered = newestFirst ? [...issue.comments].reverse() : issue.comments;
    const comments = ordered.map(({ properties, ...c }) => (withProperties ? { ...c, properties } : c));
    return { status: 200, json: { startAt: 0, maxResults: 100, total: comments.length, comments } };
  }
}

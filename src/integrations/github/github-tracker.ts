import { Octokit } from '@octokit/rest';
import type { Clock } from '../../domain/ports.js';
import { issueStatus, type StatusMap } from '../../domain/trackers/status-mapping.js';
import type { IssueTracker, TrackerIssue } from '../../domain/trackers/tracker.js';
import type { AppLogger } from '../../logger.js';
import { classifyGithubFailure } from './github-failure.js';
import { GITHUB_STATES, githubState } from './github-states.js';
import { coordinatesOf, issueKey, parseIssueKey, parseRepository } from './issue-key.js';

/** The parts of GitHub's issue object Rapport reads. */
export interface GithubIssue {
  number: number;
  html_url: string;
  state: string;
  state_reason?: string | null;
  body?: string | null;
  milestone?: { due_on?: string | null } | null;
  assignees?: { login: string }[] | null;
  repository_url?: string;
}

/** How Rapport reaches one workspace's GitHub: its API (github.com or Enterprise Server), token and mapping. */
export interface GithubConnection {
  /** REST API base URL, without a trailing '/'. */
  apiUrl: string;
  token: string;
  /** Changes to GITHUB_STATES' phases. */
  statusMap: StatusMap;
}

function toTrackerIssue(key: string, issue: GithubIssue, statusMap: StatusMap): TrackerIssue {
  return {
    tracker: 'github',
    key,
    url: issue.html_url,
    status: issueStatus(GITHUB_STATES, statusMap, githubState(issue)),
    due: issue.milestone?.due_on?.slice(0, 10) ?? null,
    assignees: (issue.assignees ?? []).map((a) => a.login),
  };
}

/** Octokit on `apiUrl` with `token`, its warnings and errors in Rapport's log (never the token). */
export const githubClient = (settings: { apiUrl: string; token: string }, logger: AppLogger) =>
  new Octokit({
    auth: settings.token,
    baseUrl: settings.apiUrl,
    userAgent: 'rapport',
    log: {
      debug: () => {},
      info: () => {},
      warn: (message: string) => logger.event('warn', 'GitHub client', { message }),
      error: (message: string) => logger.event('error', 'GitHub client', { message }),
    },
  });

/**
 * GitHub Issues over the REST API with @octokit/rest, pointed at config's base URL (github.com,
 * GitHub Enterprise Server, or a test server). No retries inside: a failed call fails the effect's pass,
 * which the effects runner retries after GitHub's Retry-After.
 */
export function githubTracker(
  settings: GithubConnection,
  deps: { clock: Clock; logger: AppLogger },
): IssueTracker {
  const octokit = githubClient(settings, deps.logger);
  const issueOf = (key: string, issue: GithubIssue) => toTrackerIssue(key, issue, settings.statusMap);
  // Issue web addresses live on the web host: github.com for api.github.com, the server itself for GHES.
  const apiHost = new URL(settings.apiUrl).host;
  const webHost = apiHost === 'api.github.com' ? 'github.com' : apiHost;
  const call = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw classifyGithubFailure(error, deps.clock);
    }
  };
  const repositoryOf = (project: string) => {
    const repository = parseRepository(project);
    if (!repository) throw new Error(`not a repository: ${project}`);
    return repository;
  };
  const read = async (key: string) => {
    const { owner, repo, number } = coordinatesOf(key);
    try {
      const { data } = await octokit.rest.issues.get({ owner, repo, issue_number: number });
      return issueOf(key, data as GithubIssue);
    } catch (error) {
      // Not found (or moved, or deleted: 301, 404, 410) is an answer, not a failure.
      const status = (error as { status?: number }).status;
      if (status === 301 || status === 404 || status === 410) return null;
      throw classifyGithubFailure(error, deps.clock);
    }
  };
  return {
    name: 'github',
    parseKey: (text) => parseIssueKey(text, webHost),
    parseProject: (text) => (parseRepository(text) ? text.trim() : null),
    async findCreated(project, draft) {
      const q = `"${draft.reference}" in:title repo:${project} is:issue`;
      const { data } = await call(() => octokit.rest.search.issuesAndPullRequests({ q, per_page: 20 }));
      const found = (data.items as GithubIssue[]).find((item) => item.body?.includes(draft.marker));
      if (!found) return null;
      return issueOf(issueKey({ ...repositoryOf(project), number: found.number }), found);
    },
    async create(project, draft) {
      const repository = repositoryOf(project);
      const { title, labels } = draft;
      // An HTML comment: invisible on GitHub, found again by findCreated.
      const body = `${draft.body}\n\n<!-- ${draft.marker} -->`;
      const { data } = await call(() => octokit.rest.issues.create({ ...repository, title, body, labels }));
      return issueOf(issueKey({ ...repository, number: data.number }), data as GithubIssue);
    },
    async hasComment(key, marker, since) {
      const { owner, repo, number } = coordinatesOf(key);
      const { data } = await call(() =>
        octokit.rest.issues.listComments({
          owner,
          repo,
          issue_number: number,
          since: since.toISOString(),
          per_page: 100,
        }),
      );
      return data.some((comment) => comment.body?.includes(marker));
    },
    async comment(key, body, marker) {
      const { owner, repo, number } = coordinatesOf(key);
      const marked = `${body}\n\n<!-- ${marker} -->`;
      await call(() =>
        octokit.rest.issues.createComment({ owner, repo, issue_number: number, body: marked }),
      );
    },
    read,
    // One call per issue: GitHub has no batch read of issues by number across repositories.
    async readAll(keys) {
      const found = new Map<string, TrackerIssue>();
      for (const key of keys) {
        const issue = await read(key);
        if (issue) found.set(key, issue);
      }
      return found;
    },
  };
}

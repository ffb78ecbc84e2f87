import type { JiraSettings } from '../../config.js';
import type { IssueTracker, TrackerIssue } from '../../domain/trackers/tracker.js';
import { loadOnFirstUse } from '../load-on-first-use.js';
import { toAdf } from './jira-adf.js';
import { classifyJiraFailure, type JiraCall } from './jira-failure.js';
import { JIRA_FIELDS, type JiraFields, toTrackerIssue } from './jira-issue.js';
import { parseJiraKey, parseJiraProject } from './jira-key.js';

/** Rapport's marker rides in an entity property of the issue or comment it created: invisible, read back by key. */
const PROPERTY = 'rapport';
/** Jira's largest page of a JQL search, and of `key in (…)` lists Rapport sends. */
const SEARCH_PAGE = 100;
/** A call that hangs fails after this and is retried like an outage, well within an effect pass's lease. */
const CALL_TIMEOUT_MS = 30_000;

type Property = { key: string; value: { marker?: string } };
interface SearchPage {
  issues?: { key: string; fields?: JiraFields; properties?: Record<string, { marker?: string }> }[];
  nextPageToken?: string | null;
  isLast?: boolean;
}

const jiraJs = loadOnFirstUse(() => import('jira.js'));

/**
 * jira.js (loaded when Rapport first talks to Jira) on the site with an account's email and API token; a
 * call that hangs fails after `timeoutMs`.
 */
export const jiraClient = async (
  settings: Pick<JiraSettings, 'baseUrl' | 'email' | 'apiToken'>,
  timeoutMs = CALL_TIMEOUT_MS,
) =>
  new (await jiraJs()).Version3Client({
    host: settings.baseUrl,
    authentication: { basic: { email: settings.email, apiToken: settings.apiToken } },
    baseRequestConfig: { timeout: timeoutMs },
  });

/**
 * Jira Cloud over REST v3 with jira.js (basic auth: an account's email and API token), pointed at the
 * site's URL (or a test server). No retries inside: a failed call fails the effect's pass, which the
 * effects runner retries after Jira's Retry-After.
 */
export function jiraTracker(
  settings: Pick<JiraSettings, 'baseUrl' | 'email' | 'apiToken' | 'issueTypes' | 'statusMap'>,
): IssueTracker {
  const client = loadOnFirstUse(() => jiraClient(settings));
  const siteHost = new URL(settings.baseUrl).host;
  const call = async <T>(about: JiraCall, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw classifyJiraFailure(error, about);
    }
  };
  const issueOf = (key: string, fields: JiraFields = {}) =>
    toTrackerIssue(settings.baseUrl, key, fields, settings.statusMap);
  const searchPage = async (jql: string, nextPageToken?: string) =>
    (await client()).issueSearch.searchForIssuesUsingJqlEnhancedSearchPost<SearchPage>({
      jql,
      fields: JIRA_FIELDS,
      properties: [PROPERTY],
      maxResults: SEARCH_PAGE,
      ...(nextPageToken ? { nextPageToken } : {}),
    });
  const tracker: IssueTracker = {
    name: 'jira',
    parseKey: (text) => parseJiraKey(text, siteHost),
    parseProject: parseJiraProject,
    async findCreated(project, draft) {
      const about = { permission: 'Browse projects', about: `project ${project}` };
      const jql = `project = "${project}" AND summary ~ "\\"${draft.reference}\\"" ORDER BY created DESC`;
      const page = await call(about, () => searchPage(jql));
      const found = (page.issues ?? []).find((i) => i.properties?.[PROPERTY]?.marker === draft.marker);
      return found ? issueOf(found.key, found.fields) : null;
    },
    async create(project, draft) {
      const about = { permission: 'Create issues', about: `project ${project}` };
      const created = await call(about, async () =>
        (await client()).issues.createIssue<{ id: string; key: string }>({
          fields: {
            project: { key: project },
            issuetype: { name: settings.issueTypes[draft.kind] },
            summary: draft.title.slice(0, 255),
            description: toAdf(draft.body),
            labels: draft.labels,
          },
          properties: [{ key: PROPERTY, value: { marker: draft.marker } }],
        }),
      );
      return issueOf(created.key);
    },
    async hasComment(key, marker, since) {
      const about = { permission: 'Browse projects', about: `issue ${key}` };
      const page = await call(about, async () =>
        (await client()).issueComments.getComments<{
          comments?: { created?: string; properties?: Property[] }[];
        }>({
          issueIdOrKey: key,
          orderBy: '-created',
          expand: 'properties',
          maxResults: 100,
        }),
      );
      return (page.comments ?? []).some(
        (c) =>
          Date.parse(c.created ?? '') >= since.getTime() &&
          (c.properties ?? []).some((p) => p.key === PROPERTY && p.value.marker === marker),
      );
    },
    async comment(key, body, marker) {
      const about = { permission: 'Add comments', about: `issue ${key}` };
      await call(about, async () =>
        (await client()).issueComments.addComment({
          issueIdOrKey: key,
          comment: toAdf(body),
          properties: [{ key: PROPERTY, value: { marker } }],
        }),
      );
    },
    async read(key) {
      try {
        const issue = await (await client()).issues.getIssue<{ key: string; fields?: JiraFields }>({
          issueIdOrKey: key,
          fields: JIRA_FIELDS,
        });
        return issueOf(key, issue.fields);
      } catch (error) {
        // Not found (deleted, or never there) is an answer, not a failure.
        if ((error as { status?: number }).status === 404) return null;
        throw classifyJiraFailure(error, { permission: 'Browse projects', about: `issue ${key}` });
      }
    },
    async readAll(keys) {
      const found = new Map<string, TrackerIssue>();
      for (let i = 0; i < keys.length; i += SEARCH_PAGE) {
        const batch = keys.slice(i, i + SEARCH_PAGE);
        for (const issue of await readBatch(batch)) found.set(issue.key, issue);
      }
      return found;
    },
  };
  /**
   * One JQL search `key in (…)` for up to 100 keys. Jira refuses the whole query (400) when one key no
   * longer exists: then each is read on its own, so the deleted ones are told from the rest.
   */
  async function readBatch(keys: string[]): Promise<TrackerIssue[]> {
    const issues: TrackerIssue[] = [];
    try {
      let token: string | undefined;
      do {
        const page = await searchPage(`key in (${keys.join(', ')})`, token);
        for (const issue of page.issues ?? []) issues.push(issueOf(issue.key, issue.fields));
        token = page.isLast === false && page.nextPageToken ? page.nextPageToken : undefined;
      } while (token);
      return issues;
    } catch (error) {
      if ((error as { status?: number }).status !== 400) {
        const about = `issues ${keys.join(', ')}`.slice(0, 200);
        throw classifyJiraFailure(error, { permission: 'Browse projects', about });
      }
      for (const key of keys) {
        const issue = await tracker.read(key);
        if (issue) issues.push(issue);
      }
      return issues;
    }
  }
  return tracker;
}

import { issueStatus, type StatusMap } from '../../domain/trackers/status-mapping.js';
import type { TrackerIssue } from '../../domain/trackers/tracker.js';
import { browseUrl } from './jira-key.js';
import { JIRA_STATES, jiraState } from './jira-states.js';

/** The issue fields Rapport reads (REST v3 and webhooks share these shapes). */
export interface JiraFields {
  status?: { name?: string; statusCategory?: { key?: string } | null } | null;
  resolution?: { name?: string } | null;
  duedate?: string | null;
  assignee?: { displayName?: string; accountId?: string } | null;
  fixVersions?: { name?: string; releaseDate?: string | null }[] | null;
}

/** Asked for on every read and search: nothing more is transferred. */
export const JIRA_FIELDS = ['status', 'resolution', 'duedate', 'assignee', 'fixVersions'];

/** The due date, else the earliest release date of its fix versions; and the assignee's name. */
export function jiraFacts(fields: JiraFields): { due: string | null; assignees: string[] } {
  const releases = (fields.fixVersions ?? []).flatMap((v) => (v.releaseDate ? [v.releaseDate] : [])).sort();
  const due = fields.duedate ?? releases[0] ?? null;
  const assignee = fields.assignee?.displayName ?? fields.assignee?.accountId;
  return { due: due ? due.slice(0, 10) : null, assignees: assignee ? [assignee] : [] };
}

/** Where the issue stands under the workspace's mapping of JIRA_STATES. */
export const jiraStatus = (fields: JiraFields, statusMap: StatusMap) =>
  issueStatus(JIRA_STATES, statusMap, jiraState(fields.status?.statusCategory?.key, fields.resolution?.name));

export function toTrackerIssue(
  baseUrl: string,
  key: string,
  fields: JiraFields,
  statusMap: StatusMap,
): TrackerIssue {
  const status = jiraStatus(fields, statusMap);
  return { tracker: 'jira', key, url: browseUrl(baseUrl, key), status, ...jiraFacts(fields) };
}

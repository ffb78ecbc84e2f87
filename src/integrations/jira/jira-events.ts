import { z } from 'zod';
import {
  type Followed,
  followIssueComment,
  followIssueFacts,
  followIssuePhase,
  forgetIssue,
  type IssueNews,
} from '../../app/trackers/follow-issue.js';
import { isIssueNews } from '../../domain/trackers/issue-news.js';
import { personOf } from '../../domain/trackers/tracker-people.js';
import type { Handled, TrackerEventDeps } from '../tracker-webhook-route.js';
import { plainText } from './jira-adf.js';
import { type JiraFields, jiraFacts, jiraStatus } from './jira-issue.js';

const issueSchema = z.object({
  key: z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/),
  fields: z.custom<JiraFields>((v) => typeof v === 'object' && v !== null).optional(),
});
const changeSchema = z.object({
  field: z.string().optional(),
  fieldId: z.string().optional(),
  fromString: z.string().nullish(),
});
const eventSchema = z.object({
  issue: issueSchema,
  changelog: z.object({ items: z.array(changeSchema) }).nullish(),
  comment: z
    .object({
      body: z.unknown(),
      author: z.object({ displayName: z.string().optional(), accountId: z.string().optional() }).nullish(),
    })
    .nullish(),
});
type JiraEvent = z.infer<typeof eventSchema>;

/** Changelog fields (by id or by name) that move the ask, and those shown on the twin. */
const PHASE_FIELDS = new Set(['status', 'resolution']);
const FACT_FIELDS = new Set(['duedate', 'assignee', 'fixVersions', 'Fix Version']);

/**
 * Applies one Jira webhook event (`webhookEvent` in the body) to the asks linked to its issue: an update's
 * status or resolution moves them, its due date, fix versions or assignee are shown on the twin; a deleted
 * issue unlinks them; a comment is internal unless marked for the customer. Other events are ignored.
 */
export async function handleJiraEvent(
  deps: TrackerEventDeps,
  event: string,
  payload: unknown,
): Promise<Handled> {
  const parsed = eventSchema.safeParse(payload);
  if (!parsed.success) return null;
  const news: IssueNews = { tracker: 'jira', key: parsed.data.issue.key, vendorTeamId: deps.vendorTeamId };
  const followed = await follow(deps, news, event, parsed.data);
  return followed ? { ...followed, action: event } : null;
}

/**
 * An update: moved to another project (its key changed: the asks on the old key are unlinked), else its
 * due date, fix versions or assignee shown, its status or resolution followed.
 */
async function followUpdate(
  { useCases, statusMap }: TrackerEventDeps,
  news: IssueNews,
  fields: JiraFields,
  items: z.infer<typeof changeSchema>[],
): Promise<Followed | null> {
  const oldKey = items.find((item) => item.field === 'Key' && item.fromString)?.fromString;
  if (oldKey) return forgetIssue(useCases, { ...news, key: oldKey }, 'transferred');
  const changed = items.flatMap((item) => [item.fieldId, item.field]);
  const facts = changed.some((f) => f !== undefined && FACT_FIELDS.has(f))
    ? await followIssueFacts(useCases, news, jiraFacts(fields))
    : null;
  if (!changed.some((f) => f !== undefined && PHASE_FIELDS.has(f))) return facts;
  const status = jiraStatus(fields, statusMap);
  if (!status) return facts;
  const moved = await followIssuePhase(useCases, news, status);
  return { linked: moved.linked, changed: moved.changed + (facts?.changed ?? 0) };
}

async function follow(
  deps: TrackerEventDeps,
  news: IssueNews,
  event: string,
  data: JiraEvent,
): Promise<Followed | null> {
  const { useCases } = deps;
  const fields = data.issue.fields ?? {};
  switch (event) {
    case 'jira:issue_updated':
      return followUpdate(deps, news, fields, data.changelog?.items ?? []);
    case 'jira:issue_deleted':
      return forgetIssue(useCases, news, 'deleted');
    case 'comment_created': {
      if (!data.comment) return null;
      const body = plainText(data.comment.body);
      if (isIssueNews(body)) return null; // Rapport's own comment, coming back
      const { accountId, displayName } = data.comment.author ?? {};
      const author = displayName ?? 'someone';
      const authorUserId = personOf(deps.people, accountId);
      return followIssueComment(useCases, news, { author, authorUserId, body, marker: deps.commentMarker });
    }
    default:
      return null;
  }
}

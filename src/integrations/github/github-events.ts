import { z } from 'zod';
import {
  type Followed,
  followIssueComment,
  followIssueFacts,
  followIssuePhase,
  forgetIssue,
  type IssueNews,
} from '../../app/trackers/follow-issue.js';
import { issueStatus } from '../../domain/trackers/status-mapping.js';
import { personOf } from '../../domain/trackers/tracker-people.js';
import type { Handled, TrackerEventDeps } from '../tracker-webhook-route.js';
import { GITHUB_STATES, githubState } from './github-states.js';
import { issueKey } from './issue-key.js';

const issueSchema = z.object({
  number: z.number().int(),
  state: z.string(),
  state_reason: z.string().nullish(),
  milestone: z.object({ due_on: z.string().nullish() }).nullish(),
  assignees: z.array(z.object({ login: z.string() })).nullish(),
});
const repositorySchema = z.object({ full_name: z.string().regex(/^[\w.-]+\/[\w.-]+$/) });
const issuesEvent = z.object({ action: z.string(), issue: issueSchema, repository: repositorySchema });
const commentEvent = issuesEvent.extend({
  comment: z.object({ body: z.string(), user: z.object({ login: z.string() }) }),
});

/** Applies one GitHub event (`X-GitHub-Event`) to the asks linked to its issue; unknown ones are ignored. */
export async function handleGithubEvent(
  deps: TrackerEventDeps,
  event: string,
  payload: unknown,
): Promise<Handled> {
  const parsed = (event === 'issue_comment' ? commentEvent : issuesEvent).safeParse(payload);
  if ((event !== 'issues' && event !== 'issue_comment') || !parsed.success) return null;
  const { action, issue, repository } = parsed.data;
  const [owner = '', repo = ''] = repository.full_name.split('/');
  const news: IssueNews = {
    tracker: 'github',
    key: issueKey({ owner, repo, number: issue.number }),
    vendorTeamId: deps.vendorTeamId,
  };
  const followed = await follow(deps, news, event, parsed.data);
  return followed ? { ...followed, action } : null;
}

async function follow(
  deps: TrackerEventDeps,
  news: IssueNews,
  event: string,
  data: z.infer<typeof issuesEvent> & { comment?: { body: string; user: { login: string } } },
): Promise<Followed | null> {
  const { useCases } = deps;
  const { action, issue, comment } = data;
  if (event === 'issue_comment') {
    if (action !== 'created' || !comment) return null;
    const { commentMarker: marker } = deps;
    const author = comment.user.login;
    const authorUserId = personOf(deps.people, author);
    return followIssueComment(useCases, news, { author, authorUserId, body: comment.body, marker });
  }
  switch (action) {
    case 'closed':
    case 'reopened': {
      const status = issueStatus(GITHUB_STATES, deps.statusMap, githubState(issue));
      return status ? followIssuePhase(useCases, news, status) : null;
    }
    case 'milestoned':
    case 'demilestoned':
    case 'assigned':
    case 'unassigned': {
      const due = issue.milestone?.due_on?.slice(0, 10) ?? null;
      const assignees = (issue.assignees ?? []).map((a) => a.login);
      return followIssueFacts(useCases, news, { due, assignees });
    }
    case 'deleted':
    case 'transferred':
      return forgetIssue(useCases, news, action);
    default:
      return null;
  }
}

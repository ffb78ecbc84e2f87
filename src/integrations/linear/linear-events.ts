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
import { dueOf } from './linear-issue.js';
import { linearKey, parseLinearKey } from './linear-issue-key.js';
import { LINEAR_STATES } from './linear-states.js';

/** Linear's envelope: what happened (`create`, `update`, `remove`) to which entity, and what changed. */
const envelope = z.object({
  action: z.string(),
  data: z.record(z.string(), z.unknown()),
  updatedFrom: z.record(z.string(), z.unknown()).nullish(),
});
const issueData = z.object({
  number: z.number().int(),
  identifier: z.string().optional(),
  team: z.object({ key: z.string() }).nullish(),
  state: z.object({ type: z.string() }),
  dueDate: z.string().nullish(),
  cycle: z.object({ endsAt: z.string() }).nullish(),
  assignee: z.object({ name: z.string() }).nullish(),
  previousIdentifiers: z.array(z.string()).nullish(),
});
const commentData = z.object({
  body: z.string(),
  issue: z.object({ identifier: z.string() }).nullish(),
  user: z.object({ name: z.string(), email: z.string().nullish() }).nullish(),
});

/** Fields whose change Linear reports in `updatedFrom`, by what they move. */
const FACTS = ['dueDate', 'assigneeId', 'cycleId'];

/** Applies one Linear event (`Linear-Event`: Issue, Comment) to the asks linked to its issue; others are ignored. */
export async function handleLinearEvent(
  deps: TrackerEventDeps,
  event: string,
  payload: unknown,
): Promise<Handled> {
  const parsed = envelope.safeParse(payload);
  if (!parsed.success) return null;
  const { action, data, updatedFrom } = parsed.data;
  let followed: Followed | null = null;
  if (event === 'Issue') followed = await followIssue(deps, action, data, updatedFrom ?? {});
  if (event === 'Comment' && action === 'create') followed = await followComment(deps, data);
  return followed ? { ...followed, action } : null;
}

const newsOf = (deps: TrackerEventDeps, key: string): IssueNews => ({
  tracker: 'linear',
  key,
  vendorTeamId: deps.vendorTeamId,
});

async function followIssue(
  deps: TrackerEventDeps,
  action: string,
  data: Record<string, unknown>,
  updatedFrom: Record<string, unknown>,
): Promise<Followed | null> {
  const parsed = issueData.safeParse(data);
  if (!parsed.success) return null;
  const issue = parsed.data;
  const key = issue.team
    ? linearKey({ team: issue.team.key, number: issue.number })
    : parseLinearKey(issue.identifier ?? '');
  if (!key) return null;
  const { useCases } = deps;
  if (action === 'remove') return forgetIssue(useCases, newsOf(deps, key), 'deleted');
  if (action !== 'update') return null;
  // Moved to another team: it has a new key, and asks linked by an earlier one are unlinked.
  if ('teamId' in updatedFrom) return forgetMoved(deps, issue.previousIdentifiers ?? []);
  const news = newsOf(deps, key);
  const assignees = issue.assignee ? [issue.assignee.name] : [];
  const facts = FACTS.some((field) => field in updatedFrom)
    ? await followIssueFacts(useCases, news, { due: dueOf(issue), assignees })
    : null;
  const status =
    'stateId' in updatedFrom ? issueStatus(LINEAR_STATES, deps.statusMap, issue.state.type) : null;
  return combine([facts, status ? await followIssuePhase(useCases, news, status) : null]);
}

async function forgetMoved(deps: TrackerEventDeps, previous: string[]): Promise<Followed> {
  const forgotten: Followed[] = [];
  for (const key of previous.flatMap((earlier) => parseLinearKey(earlier) ?? [])) {
    forgotten.push(await forgetIssue(deps.useCases, newsOf(deps, key), 'transferred'));
  }
  return combine(forgotten);
}

/** Several follow-ups of one delivery as one: the asks it was about, how many changed. */
const combine = (all: (Followed | null)[]): Followed => ({
  linked: Math.max(0, ...all.map((f) => f?.linked ?? 0)),
  changed: all.reduce((sum, f) => sum + (f?.changed ?? 0), 0),
});

/** A comment on an issue: internal unless it starts with the marker (then it goes to the customer). */
async function followComment(
  deps: TrackerEventDeps,
  data: Record<string, unknown>,
): Promise<Followed | null> {
  const parsed = commentData.safeParse(data);
  const key = parsed.success ? parseLinearKey(parsed.data.issue?.identifier ?? '') : null;
  if (!parsed.success || !key) return null;
  const { body, user } = parsed.data;
  return followIssueComment(deps.useCases, newsOf(deps, key), {
    author: user?.name ?? 'someone',
    authorUserId: personOf(deps.people, user?.email),
    body,
    marker: deps.commentMarker,
  });
}

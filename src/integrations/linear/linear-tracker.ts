import { createHash } from 'node:crypto';
import type { LinearSettings } from '../../config.js';
import type { Clock } from '../../domain/ports.js';
import {
  type CustomerNeed,
  type IssueTracker,
  type TrackerIssue,
  TrackerRefusal,
  TrackerUnavailable,
} from '../../domain/trackers/tracker.js';
import { loadOnFirstUse } from '../load-on-first-use.js';
import {
  CREATE_COMMENT,
  CREATE_CUSTOMER_NEED,
  CREATE_ISSUE,
  CUSTOMER_NEED,
  ISSUE_COMMENTS,
  ISSUES,
  type LinearIssueNode,
  TEAM_AND_LABELS,
  UPSERT_CUSTOMER,
} from './linear-documents.js';
import { classifyLinearFailure, linearCodeOf } from './linear-failure.js';
import { byKeys, toTrackerIssue } from './linear-issue.js';
import { parseLinearKey, parseLinearTeam } from './linear-issue-key.js';
import { isLinearError, linearSdk } from './linear-sdk.js';

/** Issues read per query when polling: one query, a few dozen points of Linear's complexity budget. */
const READ_BATCH = 50;
/** Linear answers these when the workspace's plan has no Customers: the need becomes a comment. */
const NO_CUSTOMERS = new Set(['FEATURE_NOT_ACCESSIBLE', 'FORBIDDEN']);

/**
 * A UUID (v4-shaped) derived from a marker. Linear takes the id of what is created from the caller, so an
 * issue, comment or customer need is made under its marker's id: a retry after a lost answer finds it by
 * that id, and Linear refuses a second one with the same id.
 */
export function stableLinearId(marker: string): string {
  const hex = createHash('sha256').update(marker).digest('hex');
  const variant = '89ab'[Number.parseInt(hex[16] as string, 16) % 4] as string;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Linear over its GraphQL API with @linear/sdk's client (auth, transport and typed errors), pointed at
 * config's URL, sending Rapport's own small operations. No retries inside: a failed call fails the
 * effect's pass, which the effects runner retries after Linear's reset time.
 */
export function linearTracker(
  settings: Pick<LinearSettings, 'apiKey' | 'apiUrl' | 'statusMap'>,
  deps: { clock: Clock },
): IssueTracker {
  const client = loadOnFirstUse(
    async () => new (await linearSdk()).LinearClient({ apiKey: settings.apiKey, apiUrl: settings.apiUrl }),
  );
  const issueOf = (node: LinearIssueNode) => toTrackerIssue(node, settings.statusMap);
  const send = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const { data } = await (await client()).client.rawRequest<T, Record<string, unknown>>(query, variables);
    if (!data) throw new TrackerUnavailable('Linear answered without data', 0);
    return data;
  };
  const request = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    try {
      return await send<T>(query, variables);
    } catch (error) {
      throw classifyLinearFailure(error, deps.clock);
    }
  };
  const nodes = async (filter: unknown, first: number) =>
    (await request<{ issues: { nodes: LinearIssueNode[] } }>(ISSUES, { filter, first })).issues.nodes.filter(
      (node) => !node.trashed,
    );
  const readAll = async (keys: string[]) => {
    const issues = new Map<string, TrackerIssue>();
    for (let i = 0; i < keys.length; i += READ_BATCH) {
      const batch = keys.slice(i, i + READ_BATCH);
      for (const node of await nodes(byKeys(batch), batch.length)) {
        const issue = issueOf(node);
        issues.set(issue.key, issue);
      }
    }
    return issues;
  };
  const idOf = async (key: string) => {
    const [node] = await nodes(byKeys([key]), 1);
    if (!node)
      throw new TrackerRefusal(
        `Linear issue ${key} is gone (deleted, or moved where the API key cannot see it).`,
      );
    return node.id;
  };
  const teamFor = async (project: string, labels: string[]) => {
    type Answer = {
      teams: { nodes: { id: string }[] };
      issueLabels: { nodes: { id: string; name: string }[] };
    };
    const data = await request<Answer>(TEAM_AND_LABELS, { key: project });
    const team = data.teams.nodes[0];
    if (!team)
      throw new TrackerRefusal(
        `Linear has no team ${project}, or the API key’s member cannot see it: check the team key in /rapport tracker.`,
      );
    const byName = new Map(data.issueLabels.nodes.map((l) => [l.name.toLowerCase(), l.id]));
    const missing = labels.filter((name) => !byName.has(name.toLowerCase()));
    if (missing.length > 0)
      throw new TrackerRefusal(
        `Linear team ${project} has no label ${missing.join(', ')}: add it in Linear, or change the labels in /rapport tracker.`,
      );
    return { teamId: team.id, labelIds: labels.map((name) => byName.get(name.toLowerCase()) as string) };
  };
  const tracker: IssueTracker = {
    name: 'linear',
    parseKey: parseLinearKey,
    parseProject: parseLinearTeam,
    async findCreated(_project, draft) {
      // Searched by the marker's id wherever the issue is now (it may have moved to another team).
      const [node] = await nodes({ id: { eq: stableLinearId(draft.marker) } }, 1);
      return node ? issueOf(node) : null;
    },
    async create(project, draft) {
      const { teamId, labelIds } = await teamFor(project, draft.labels);
      const input = {
        id: stableLinearId(draft.marker),
        teamId,
        title: draft.title,
        description: draft.body,
        labelIds,
      };
      type Answer = { issueCreate: { success: boolean; issue: LinearIssueNode | null } };
      const { issueCreate } = await request<Answer>(CREATE_ISSUE, { input });
      if (!issueCreate.success || !issueCreate.issue)
        throw new TrackerUnavailable('Linear did not say which issue it created', 0);
      return issueOf(issueCreate.issue);
    },
    async read(key) {
      return (await readAll([key])).get(key) ?? null;
    },
    readAll,
    async hasComment(key, marker, since) {
      type Answer = { issues: { nodes: { comments: { nodes: { id: string }[] } }[] } };
      const data = await request<Answer>(ISSUE_COMMENTS, {
        filter: byKeys([key]),
        since: since.toISOString(),
      });
      const id = stableLinearId(marker);
      return data.issues.nodes[0]?.comments.nodes.some((comment) => comment.id === id) ?? false;
    },
    async comment(key, body, marker) {
      const input = { id: stableLinearId(marker), issueId: await idOf(key), body };
      await request(CREATE_COMMENT, { input });
    },
    async recordCustomerNeed(key, need) {
      try {
        await recordNeed(send, await idOf(key), need);
        return 'need';
      } catch (error) {
        if (!(isLinearError(error) && NO_CUSTOMERS.has(linearCodeOf(error))))
          throw isLinearError(error) ? classifyLinearFailure(error, deps.clock) : error;
      }
      // A plan without Customers: a comment tells engineering the same, once.
      if (!(await tracker.hasComment(key, need.marker, new Date(0))))
        await tracker.comment(
          key,
          `**Customer request from ${need.customer.name}:** ${need.body}`,
          need.marker,
        );
      return 'comment';
    },
  };
  return tracker;
}

/** The customer (made or renamed by its external id), then its need on the issue, unless made before. */
async function recordNeed(
  send: <T>(query: string, variables: Record<string, unknown>) => Promise<T>,
  issueId: string,
  need: CustomerNeed,
): Promise<void> {
  const id = stableLinearId(need.marker);
  const found = await send<{ customerNeeds: { nodes: unknown[] } }>(CUSTOMER_NEED, { id });
  if (found.customerNeeds.nodes.length > 0) return;
  const { externalId, name } = need.customer;
  await send(UPSERT_CUSTOMER, { input: { externalId, name } });
  await send(CREATE_CUSTOMER_NEED, {
    input: { id, issueId, customerExternalId: externalId, body: need.body },
  });
}

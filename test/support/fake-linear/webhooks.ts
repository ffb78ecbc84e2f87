/**
 * Webhook deliveries as Linear sends them: a JSON body with `action`, `type`, `data`, `updatedFrom`, `url`,
 * `webhookTimestamp` (ms), signed in `Linear-Signature` (hex HMAC-SHA256 of the raw body), with
 * `Linear-Delivery` and `Linear-Event` headers.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { FakeLinear } from './server.js';
import { type FakeLinearIssue, STATE_NAMES, type StateType } from './workspace.js';

export const LINEAR_WEBHOOK_SECRET = 'lin_wh_fake_secret_0123456789';

export const signLinear = (body: string, secret: string) =>
  createHmac('sha256', secret).update(body).digest('hex');

export interface LinearDelivery {
  event: 'Issue' | 'Comment' | string;
  action: string;
  data: Record<string, unknown>;
  updatedFrom?: Record<string, unknown>;
  /** Defaults to a fresh id; reuse one to replay a delivery. */
  delivery?: string;
  /** Defaults to the right signature; a string forges one, null sends none. */
  signature?: string | null;
  /** Defaults to now on Linear's clock. */
  webhookTimestamp?: number;
  rawBody?: string;
  /** Signs with this secret instead of LINEAR_WEBHOOK_SECRET. */
  secret?: string;
  /** Posts here instead of /webhooks/linear (a workspace's own path in distribution). */
  path?: string;
}

/** Posts a delivery to Rapport; resolves to the HTTP status and the delivery id. */
export async function deliverLinear(
  linear: Pick<FakeLinear, 'now'>,
  appUrl: string,
  d: LinearDelivery,
): Promise<{ status: number; delivery: string }> {
  const payload = {
    action: d.action,
    type: d.event,
    createdAt: linear.now().toISOString(),
    data: d.data,
    ...(d.updatedFrom ? { updatedFrom: d.updatedFrom } : {}),
    url: typeof d.data.url === 'string' ? d.data.url : undefined,
    organizationId: 'org-fake',
    webhookTimestamp: d.webhookTimestamp ?? linear.now().getTime(),
    webhookId: 'webhook-fake',
  };
  const body = d.rawBody ?? JSON.stringify(payload);
  const delivery = d.delivery ?? randomUUID();
  const signature =
    d.signature === undefined ? signLinear(body, d.secret ?? LINEAR_WEBHOOK_SECRET) : d.signature;
  const response = await fetch(`${appUrl}${d.path ?? '/webhooks/linear'}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'Linear-Webhook',
      'linear-delivery': delivery,
      'linear-event': d.event,
      ...(signature === null ? {} : { 'linear-signature': signature }),
    },
    body,
  });
  await response.arrayBuffer();
  return { status: response.status, delivery };
}

/** The issue as Linear's Issue webhook data carries it. */
export function issueData(linear: FakeLinear, issue: FakeLinearIssue): Record<string, unknown> {
  const { workspace } = linear;
  const team = workspace.teams.find((t) => t.key === issue.teamKey);
  const stateId = `state-${issue.stateType}`;
  return {
    id: issue.id,
    identifier: workspace.identifier(issue),
    number: issue.number,
    title: issue.title,
    description: issue.description,
    url: workspace.url(issue),
    priority: 0,
    priorityLabel: 'No priority',
    teamId: team?.id,
    team: { id: team?.id, key: issue.teamKey, name: issue.teamKey },
    stateId,
    state: { id: stateId, name: STATE_NAMES[issue.stateType], type: issue.stateType, color: '#5e6ad2' },
    dueDate: issue.dueDate,
    assigneeId: issue.assignee ? `user-${issue.assignee}` : null,
    assignee: issue.assignee
      ? {
          id: `user-${issue.assignee}`,
          name: issue.assignee,
          email: `${issue.assignee}@vendor.example`,
          url: '',
        }
      : null,
    cycleId: issue.cycleEndsAt ? 'cycle-1' : null,
    cycle: issue.cycleEndsAt
      ? { id: 'cycle-1', number: 1, startsAt: '2026-11-30T00:00:00.000Z', endsAt: issue.cycleEndsAt }
      : null,
    labelIds: issue.labelIds,
    labels: [],
    previousIdentifiers: [],
    createdAt: '2026-12-01T09:00:00.000Z',
    updatedAt: linear.now().toISOString(),
  };
}

/** Moves the issue in the fake to a state of `type`, and returns the `update` delivery (`updatedFrom.stateId`). */
export function moveIssue(linear: FakeLinear, issue: FakeLinearIssue, type: StateType): LinearDelivery {
  const from = `state-${issue.stateType}`;
  issue.stateType = type;
  return { event: 'Issue', action: 'update', data: issueData(linear, issue), updatedFrom: { stateId: from } };
}

/** Changes the issue's due date, cycle or assignee in the fake, and returns the `update` delivery. */
export function changeIssue(
  linear: FakeLinear,
  issue: FakeLinearIssue,
  change: Partial<Pick<FakeLinearIssue, 'dueDate' | 'cycleEndsAt' | 'assignee'>>,
): LinearDelivery {
  const updatedFrom: Record<string, unknown> = {};
  if ('dueDate' in change) updatedFrom.dueDate = issue.dueDate;
  if ('cycleEndsAt' in change) updatedFrom.cycleId = issue.cycleEndsAt ? 'cycle-1' : null;
  if ('assignee' in change) updatedFrom.assigneeId = issue.assignee ? `user-${issue.assignee}` : null;
  Object.assign(issue, change);
  return { event: 'Issue', action: 'update', data: issueData(linear, issue), updatedFrom };
}

/** Deletes the issue in the fake (to the trash), and returns the `remove` delivery. */
export function removeIssue(linear: FakeLinear, issue: FakeLinearIssue): LinearDelivery {
  issue.trashed = true;
  return { event: 'Issue', action: 'remove', data: issueData(linear, issue) };
}

/** A comment someone wrote on the issue in Linear, and its `create` delivery. */
export function commentOn(
  linear: FakeLinear,
  issue: FakeLinearIssue,
  body: string,
  author = 'Erin',
): LinearDelivery {
  const id = randomUUID();
  const createdAt = linear.now().toISOString();
  issue.comments.push({ id, body, createdAt });
  const { workspace } = linear;
  const team = workspace.teams.find((t) => t.key === issue.teamKey);
  return {
    event: 'Comment',
    action: 'create',
    data: {
      id,
      body,
      createdAt,
      updatedAt: createdAt,
      issueId: issue.id,
      issue: {
        id: issue.id,
        identifier: workspace.identifier(issue),
        title: issue.title,
        url: workspace.url(issue),
        teamId: team?.id,
        team: { id: team?.id, key: issue.teamKey, name: issue.teamKey },
      },
      userId: `user-${author}`,
      user: { id: `user-${author}`, name: author, email: `${author}@vendor.example`, url: '' },
      reactionData: {},
    },
  };
}

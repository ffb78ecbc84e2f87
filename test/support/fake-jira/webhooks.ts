/** Admin webhook deliveries as Jira Cloud sends them: JSON body naming its event, delivery id, HMAC-SHA256 signature. */
import { createHmac, randomUUID } from 'node:crypto';
import type { FakeJira, FakeJiraIssue } from './server.js';

export const JIRA_WEBHOOK_SECRET = 'jira-webhook-secret-0123456789';

export const signJira = (body: string, secret: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

export interface JiraDelivery {
  payload: Record<string, unknown>;
  /** Defaults to a fresh id; reuse one to replay a delivery (Jira's retries carry the same id). */
  delivery?: string;
  /** Defaults to the right signature; a string forges one, null sends none. */
  signature?: string | null;
  rawBody?: string;
  /** Posts here instead of /webhooks/jira (a workspace's own path in distribution). */
  path?: string;
}

/** Posts a delivery to Rapport; resolves to the HTTP status and the delivery id. */
export async function deliverJira(
  appUrl: string,
  d: JiraDelivery,
): Promise<{ status: number; delivery: string }> {
  const body = d.rawBody ?? JSON.stringify(d.payload);
  const delivery = d.delivery ?? randomUUID();
  const signature = d.signature === undefined ? signJira(body, JIRA_WEBHOOK_SECRET) : d.signature;
  const response = await fetch(`${appUrl}${d.path ?? '/webhooks/jira'}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'Atlassian Webhook HTTP Client',
      'x-atlassian-webhook-identifier': delivery,
      'x-atlassian-webhook-retry': '0',
      ...(signature === null ? {} : { 'x-hub-signature': signature }),
    },
    body,
  });
  await response.arrayBuffer();
  return { status: response.status, delivery };
}

/** The engineer whose changes and comments the deliveries carry. */
export const JIRA_ENGINEER = {
  accountId: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077',
  displayName: 'Priya Engineer',
};

/** A change as the changelog lists it. */
export interface ChangelogItem {
  field: string;
  fieldId: string;
  fromString: string | null;
  toString: string | null;
}

/** `jira:issue_updated` for the issue as the fake holds it (change it there first), with its changelog. */
export function issueUpdated(jira: FakeJira, issue: FakeJiraIssue, items: ChangelogItem[]): JiraDelivery {
  return {
    payload: {
      timestamp: jira.now().getTime(),
      webhookEvent: 'jira:issue_updated',
      issue_event_type_name: 'issue_generic',
      user: JIRA_ENGINEER,
      issue: jira.toJson(issue),
      changelog: {
        id: String(Date.now()),
        items: items.map((i) => ({ fieldtype: 'jira', from: null, to: null, ...i })),
      },
    },
  };
}

/** Moves the issue through the workflow in the fake, and returns the delivery Jira sends for it. */
export function transitionIssue(
  jira: FakeJira,
  issue: FakeJiraIssue,
  category: 'new' | 'indeterminate' | 'done',
  resolution: string | null = null,
): JiraDelivery {
  const before = issue.status.name;
  jira.transition(issue, category, resolution);
  const items: ChangelogItem[] = [
    { field: 'status', fieldId: 'status', fromString: before, toString: issue.status.name },
    ...(issue.resolution
      ? [{ field: 'resolution', fieldId: 'resolution', fromString: null, toString: issue.resolution }]
      : []),
  ];
  return issueUpdated(jira, issue, items);
}

/** `comment_created`: Jira's admin webhooks carry the comment's body as text (wiki markup). */
export function commentCreated(jira: FakeJira, issue: FakeJiraIssue, body: string): JiraDelivery {
  const created = jira.now().toISOString().replace('Z', '+0000');
  return {
    payload: {
      timestamp: jira.now().getTime(),
      webhookEvent: 'comment_created',
      comment: {
        id: '10042',
        author: JIRA_ENGINEER,
        body,
        updateAuthor: JIRA_ENGINEER,
        created,
        updated: created,
      },
      issue: { id: issue.id, key: issue.key, fields: { summary: issue.summary } },
    },
  };
}

/** `jira:issue_deleted`, after the issue is gone from the fake. */
export function issueDeleted(jira: FakeJira, issue: FakeJiraIssue): JiraDelivery {
  const payload = {
    timestamp: jira.now().getTime(),
    webhookEvent: 'jira:issue_deleted',
    user: JIRA_ENGINEER,
    issue: jira.toJson(issue),
  };
  jira.remove(issue.key);
  return { payload };
}

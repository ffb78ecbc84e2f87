/** Webhook deliveries as GitHub sends them: JSON body, event and delivery headers, HMAC-SHA256 signature. */
import { createHmac, randomUUID } from 'node:crypto';
import type { FakeGithub, FakeIssue } from './server.js';

export const WEBHOOK_SECRET = 'github-webhook-secret-0123456789';

export const signGithub = (body: string, secret: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

export interface Delivery {
  event: string;
  payload: unknown;
  /** Defaults to a fresh id; reuse one to replay a delivery. */
  delivery?: string;
  /** Defaults to the right signature; a string forges one, null sends none. */
  signature?: string | null;
  rawBody?: string;
  /** Signs with this secret instead of WEBHOOK_SECRET. */
  secret?: string;
  /** Posts here instead of /webhooks/github (a workspace's own path in distribution). */
  path?: string;
}

/** Posts a delivery to Rapport; resolves to the HTTP status and the delivery id. */
export async function deliver(appUrl: string, d: Delivery): Promise<{ status: number; delivery: string }> {
  const body = d.rawBody ?? JSON.stringify(d.payload);
  const delivery = d.delivery ?? randomUUID();
  const signature = d.signature === undefined ? signGithub(body, d.secret ?? WEBHOOK_SECRET) : d.signature;
  const response = await fetch(`${appUrl}${d.path ?? '/webhooks/github'}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/fake',
      'x-github-event': d.event,
      'x-github-delivery': delivery,
      'x-github-hook-id': '1',
      ...(signature === null ? {} : { 'x-hub-signature-256': signature }),
    },
    body,
  });
  await response.arrayBuffer();
  return { status: response.status, delivery };
}

/** An `issues` event for the issue as the fake holds it (close or change it there first). */
export function issuesEvent(github: FakeGithub, fullName: string, issue: FakeIssue, action: string) {
  const [login = 'acme'] = fullName.split('/');
  return {
    event: 'issues',
    payload: {
      action,
      issue: github.toJson(fullName, issue),
      repository: { full_name: fullName, name: fullName.split('/')[1], owner: { login } },
      sender: { login: 'octocat' },
    },
  };
}

/** An `issue_comment` created event. */
export function commentEvent(github: FakeGithub, fullName: string, issue: FakeIssue, body: string) {
  const { payload } = issuesEvent(github, fullName, issue, 'created');
  return {
    event: 'issue_comment',
    payload: { ...payload, comment: { id: 1, body, user: { login: 'octocat' } } },
  };
}

/** Closes the issue in the fake as GitHub would, and returns the `closed` delivery. */
export function closeIssue(
  github: FakeGithub,
  fullName: string,
  issue: FakeIssue,
  reason: 'completed' | 'not_planned',
) {
  issue.state = 'closed';
  issue.state_reason = reason;
  return issuesEvent(github, fullName, issue, 'closed');
}

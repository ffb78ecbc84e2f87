/** Connecting a workspace's GitHub in Slack: the form, and what it shows once. */
import { expect } from 'vitest';
import type { DriverUser, StoredView } from '../../src/playground/slack-simulator/index.js';
import { INPUT } from '../../src/slack/shared/ids.js';
import { CONNECT_BLOCKS } from '../../src/slack/trackers/ids.js';
import type { FakeGithub } from './fake-github/index.js';
import { openModalByCommand } from './flows.js';
import type { Harness } from './rapport-harness.js';

/** Submits the connect form with a GitHub's address and token (its own unless told), and a mapping. */
export function submitConnect(
  h: Harness,
  user: DriverUser,
  view: StoredView,
  github: FakeGithub,
  opts: { token?: string; apiUrl?: string; statusMap?: string } = {},
) {
  return h.driver.viewSubmission({
    user,
    view,
    values: {
      [CONNECT_BLOCKS.field('apiUrl')]: { [INPUT]: opts.apiUrl ?? github.apiUrl },
      [CONNECT_BLOCKS.field('token')]: { [INPUT]: opts.token ?? github.account.token },
      [CONNECT_BLOCKS.statusMap]: { [INPUT]: opts.statusMap ?? '' },
    },
  });
}

/** `/rapport tracker connect github` and its form, saved; resolves to the webhook path and secret shown once. */
export async function connectGithub(
  h: Harness,
  user: DriverUser,
  github: FakeGithub,
  statusMap = '',
): Promise<{ path: string; secret: string }> {
  const view = await openModalByCommand(h, user, 'tracker connect github');
  const res = await submitConnect(h, user, view, github, { statusMap });
  const shown = res.body as { response_action: string; view: StoredView };
  expect(shown.response_action).toBe('update');
  const text = JSON.stringify(shown.view);
  const path = /(\/webhooks\/github\/[A-Z0-9]+)/.exec(text)?.[1];
  const secret = /\*Secret\*: `([0-9a-f]{64})`/.exec(text)?.[1];
  if (!path || !secret) throw new Error(`no webhook shown: ${text}`);
  return { path, secret };
}

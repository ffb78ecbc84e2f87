/** Connecting a workspace's tracker in Slack: the form, and what it shows once. */
import { expect } from 'vitest';
import type { DriverUser, StoredView } from '../../src/playground/slack-simulator/index.js';
import { INPUT } from '../../src/slack/shared/ids.js';
import { CONNECT_BLOCKS } from '../../src/slack/trackers/ids.js';
import { openModalByCommand } from './flows.js';
import type { Harness } from './rapport-harness.js';

/** Submits the connect form with the tracker's fields by name, and a mapping. */
export const submitConnectForm = (
  h: Harness,
  user: DriverUser,
  view: StoredView,
  settings: Record<string, string>,
  statusMap = '',
) =>
  h.driver.viewSubmission({
    user,
    view,
    values: {
      ...Object.fromEntries(
        Object.entries(settings).map(([name, value]) => [CONNECT_BLOCKS.field(name), { [INPUT]: value }]),
      ),
      [CONNECT_BLOCKS.statusMap]: { [INPUT]: statusMap },
    },
  });

/**
 * `/rapport tracker connect <tracker>` and its form, saved; resolves to the webhook path and the secret shown
 * once (or, for a tracker that makes its own, the one typed in the form).
 */
export async function connectTracker(
  h: Harness,
  user: DriverUser,
  tracker: string,
  settings: Record<string, string>,
  statusMap = '',
): Promise<{ path: string; secret: string }> {
  const view = await openModalByCommand(h, user, `tracker connect ${tracker}`);
  const res = await submitConnectForm(h, user, view, settings, statusMap);
  const shown = res.body as { response_action: string; view: StoredView };
  expect(shown.response_action).toBe('update');
  const text = JSON.stringify(shown.view);
  const path = new RegExp(`(/webhooks/${tracker}/[A-Z0-9]+)`).exec(text)?.[1];
  const secret = /\*Secret\*: `([0-9a-f]{64})`/.exec(text)?.[1] ?? settings.webhookSecret;
  if (!path || !secret) throw new Error(`no webhook shown: ${text}`);
  return { path, secret };
}

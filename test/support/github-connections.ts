/** Connecting a workspace's GitHub in Slack: the form with a fake GitHub's address and token. */
import type { DriverUser, StoredView } from '../../src/playground/slack-simulator/index.js';
import type { FakeGithub } from './fake-github/index.js';
import type { Harness } from './rapport-harness.js';
import { connectTracker, submitConnectForm } from './tracker-connections.js';

const settingsOf = (github: FakeGithub, opts: { token?: string; apiUrl?: string } = {}) => ({
  apiUrl: opts.apiUrl ?? github.apiUrl,
  token: opts.token ?? github.account.token,
});

/** Submits the connect form with a GitHub's address and token (its own unless told), and a mapping. */
export const submitConnect = (
  h: Harness,
  user: DriverUser,
  view: StoredView,
  github: FakeGithub,
  opts: { token?: string; apiUrl?: string; statusMap?: string } = {},
) => submitConnectForm(h, user, view, settingsOf(github, opts), opts.statusMap);

/** `/rapport tracker connect github` and its form, saved; resolves to the webhook path and secret shown once. */
export const connectGithub = (h: Harness, user: DriverUser, github: FakeGithub, statusMap = '') =>
  connectTracker(h, user, 'github', settingsOf(github), statusMap);

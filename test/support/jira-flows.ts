/**
 * End-to-end tests of Jira Cloud: the real app on a fresh store with a fake Jira (one project, OPS) and
 * its admin webhooks, Acme and Globex set up with the triage channel. The steps shared with GitHub's tests
 * (route asks, raise an enhancement, click the twin, read the threads) are in github-flows.ts.
 */
import {
  deliverJira,
  FakeJira,
  JIRA_API_TOKEN,
  JIRA_EMAIL,
  JIRA_ENGINEER,
  JIRA_WEBHOOK_SECRET,
  type JiraDelivery,
} from './fake-jira/index.js';
import { type Harness, people } from './rapport-harness.js';
import type { StoreKind } from './stores.js';
import { type TrackerWorld, trackerForEachTest } from './tracker-world.js';

export const PROJECT = 'OPS';

export interface JiraWorld extends TrackerWorld {
  jira: FakeJira;
}

/** For each test of `kind`: the world above, stopped after (with no Block Kit violation). */
export const jiraForEachTest = (kind: StoreKind): JiraWorld =>
  trackerForEachTest<JiraWorld>(
    kind,
    async (world) => {
      world.jira = await FakeJira.start();
      world.jira.addProject(PROJECT);
      world.jira.now = () => world.clock.now();
      return {
        github: null,
        jira: {
          baseUrl: world.jira.baseUrl,
          email: JIRA_EMAIL,
          apiToken: JIRA_API_TOKEN,
          webhookSecret: JIRA_WEBHOOK_SECRET,
          issueTypes: { enhancement: 'Story', help: 'Task' },
          statusMap: {},
          // JIRA_PEOPLE: the engineer's account id is Bob at the vendor.
          people: { [JIRA_ENGINEER.accountId]: people.bob.id },
        },
        commentMarker: 'customer:',
        pollMinutes: 5,
        admins: [],
      };
    },
    (world) => world.jira.stop(),
  );

/** Delivers a Jira webhook to the app and waits for what it set off. */
export async function jiraWebhook(h: Harness, delivery: JiraDelivery) {
  const answer = await deliverJira(`http://127.0.0.1:${h.rapport.port}`, delivery);
  await h.rapport.settled();
  return answer;
}

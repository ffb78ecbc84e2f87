/**
 * End-to-end tests of Linear: the real app on a fresh store with a fake Linear (team ENG, labels
 * `customer-ask` and `Bug`) and its webhooks, Acme and Globex set up with the triage channel. The steps the
 * tests take in Slack are the GitHub tests' (github-flows.ts): they do not depend on the tracker.
 */
import {
  deliverLinear,
  FakeLinear,
  LINEAR_API_KEY,
  LINEAR_WEBHOOK_SECRET,
  type LinearDelivery,
} from './fake-linear/index.js';
import type { StoreKind } from './stores.js';
import { type TrackerWorld, trackerForEachTest } from './tracker-world.js';

export const TEAM = 'ENG';

export interface LinearWorld extends TrackerWorld {
  linear: FakeLinear;
}

/** For each test of `kind`: the world above, stopped after (with no Block Kit violation). */
export const linearForEachTest = (kind: StoreKind): LinearWorld =>
  trackerForEachTest<LinearWorld>(
    kind,
    async (world) => {
      world.linear = await FakeLinear.start();
      world.linear.workspace.addTeam(TEAM, ['customer-ask', 'Bug']);
      world.linear.now = () => world.clock.now();
      const linear = {
        apiKey: LINEAR_API_KEY,
        apiUrl: world.linear.apiUrl,
        webhookSecret: LINEAR_WEBHOOK_SECRET,
        statusMap: {},
        people: {},
      };
      return { github: null, linear, commentMarker: 'customer:', pollMinutes: 5, admins: [] };
    },
    (world) => world.linear.stop(),
  );

/** Delivers a Linear webhook to the app and waits for what it set off. */
export async function linearWebhook(world: LinearWorld, delivery: LinearDelivery) {
  const answer = await deliverLinear(world.linear, `http://127.0.0.1:${world.h.rapport.port}`, delivery);
  await world.h.rapport.settled();
  return answer;
}

/** The issue Rapport made or linked, by its number in team ENG. */
export function issueNumber(world: LinearWorld, number: number) {
  const issue = world.linear.workspace.issues.find((i) => i.teamKey === TEAM && i.number === number);
  if (!issue) throw new Error(`no ${TEAM}-${number}`);
  return issue;
}

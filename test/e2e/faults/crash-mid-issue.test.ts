import { afterEach, describe, expect, it } from 'vitest';
import type { TrackerConfig } from '../../../src/config.js';
import { SlackDriver } from '../../../src/playground/slack-simulator/index.js';
import { TRACKER_ACTIONS } from '../../../src/slack/trackers/ids.js';
import { FakeGithub, GITHUB_TOKEN, WEBHOOK_SECRET } from '../../support/fake-github/index.js';
import { FakeJira, JIRA_API_TOKEN, JIRA_EMAIL, JIRA_WEBHOOK_SECRET } from '../../support/fake-jira/index.js';
import { FakeLinear, LINEAR_API_KEY, LINEAR_WEBHOOK_SECRET } from '../../support/fake-linear/index.js';
import { buttonValue, setUpPartnership } from '../../support/flows.js';
import { idea, REPO, route, twin } from '../../support/github-flows.js';
import { PROJECT } from '../../support/jira-flows.js';
import { TEAM } from '../../support/linear-flows.js';
import {
  channels,
  type Harness,
  people,
  SIGNING_SECRET,
  startHarness,
} from '../../support/rapport-harness.js';
import { killAllRapportProcesses, startRapportProcess } from '../../support/rapport-process.js';
import { storeKinds } from '../../support/stores.js';
import { TestClock } from '../../support/test-clock.js';

/** A fake tracker as this test drives it: one project, a create held unanswered, what Rapport did there. */
interface CrashTracker {
  name: string;
  project: string;
  /** Settings for the harness and, as environment variables, for the Rapport processes. */
  trackers: TrackerConfig;
  env: Record<string, string>;
  fake: { holdNextCreate(): void; waitForHeld(): Promise<void>; stop(): Promise<void> };
  created(): number;
  searches(): number;
  key: string;
}

const TRACKERS: { name: string; start: (clock: TestClock) => Promise<CrashTracker> }[] = [
  {
    name: 'GitHub',
    async start(clock) {
      const github = await FakeGithub.start();
      github.addRepo(REPO);
      github.now = () => clock.now();
      return {
        name: 'GitHub',
        project: REPO,
        trackers: {
          github: {
            token: GITHUB_TOKEN,
            apiUrl: github.apiUrl,
            webhookSecret: WEBHOOK_SECRET,
            statusMap: {},
            people: {},
          },
          commentMarker: 'customer:',
          pollMinutes: 0,
          admins: [],
        },
        env: { GITHUB_TOKEN, GITHUB_API_URL: github.apiUrl, GITHUB_WEBHOOK_SECRET: WEBHOOK_SECRET },
        fake: github,
        created: () => github.issues(REPO).length,
        searches: () => github.callsTo('GET', '/search/issues').length,
        key: 'acme/app#1',
      };
    },
  },
  {
    name: 'Jira',
    async start(clock) {
      const jira = await FakeJira.start();
      jira.addProject(PROJECT);
      jira.now = () => clock.now();
      const settings = {
        baseUrl: jira.baseUrl,
        email: JIRA_EMAIL,
        apiToken: JIRA_API_TOKEN,
        webhookSecret: JIRA_WEBHOOK_SECRET,
        issueTypes: { enhancement: 'Story', help: 'Task' },
        statusMap: {},
        people: {},
      };
      return {
        name: 'Jira',
        project: PROJECT,
        trackers: { github: null, jira: settings, commentMarker: 'customer:', pollMinutes: 0, admins: [] },
        env: {
          JIRA_BASE_URL: jira.baseUrl,
          JIRA_EMAIL,
          JIRA_API_TOKEN,
          JIRA_WEBHOOK_SECRET,
        },
        fake: jira,
        created: () => jira.issues(PROJECT).length,
        searches: () => jira.callsTo('POST', '/rest/api/3/search/jql').length,
        key: 'OPS-1',
      };
    },
  },
  {
    name: 'Linear',
    async start(clock) {
      const linear = await FakeLinear.start();
      linear.workspace.addTeam(TEAM);
      linear.now = () => clock.now();
      const settings = {
        apiKey: LINEAR_API_KEY,
        apiUrl: linear.apiUrl,
        webhookSecret: LINEAR_WEBHOOK_SECRET,
        statusMap: {},
        people: {},
      };
      return {
        name: 'Linear',
        project: `linear ${TEAM}`,
        trackers: { github: null, linear: settings, commentMarker: 'customer:', pollMinutes: 0, admins: [] },
        env: { LINEAR_API_KEY, LINEAR_API_URL: linear.apiUrl, LINEAR_WEBHOOK_SECRET },
        fake: {
          holdNextCreate: () => linear.failNext('RapportIssueCreate', { hold: true }),
          waitForHeld: () => linear.waitForHeld(),
          stop: () => linear.stop(),
        },
        created: () => linear.workspace.issues.length,
        // Linear is searched by the id the issue was created under, not by the ask's reference.
        searches: () =>
          linear.callsTo('RapportIssues').filter((c) => JSON.stringify(c.variables).includes('"id"')).length,
        key: `${TEAM}-1`,
      };
    },
  },
];

/**
 * SIGKILL between the tracker creating an issue and Rapport recording it: the tracker stored the issue,
 * its answer never came. The process restarted past the effect's lease searches the tracker for the
 * ask's issue (GitHub and Jira: by the ask's reference; Linear: by the id it was created under) and adopts
 * the issue it finds instead of creating another.
 */
describe.each(storeKinds())('killed while a tracker creates an issue ($name store)', (kind) => {
  let h: Harness | null = null;
  let tracker: CrashTracker | null = null;

  afterEach(async () => {
    killAllRapportProcesses();
    await h?.fake.stop();
    await tracker?.fake.stop();
    h = null;
    tracker = null;
  });

  // Two processes are started one after another: the timeout allows for a loaded machine.
  it.for(TRACKERS)(
    'ends with exactly one $name issue, adopted by the process that took over',
    { timeout: 120_000 },
    async ({ start }, context) => {
      if (!kind.available) context.skip();
      const store = kind.freshLocation();
      const clock = new TestClock('2026-12-01T10:00:00Z');
      const t = await start(clock);
      tracker = t;
      h = await startHarness(store, { clock, trackers: t.trackers });
      await setUpPartnership(h, channels.shared, 'Acme Corp');
      await route(h, `enhancement ${t.project}`);
      await idea(h, 'Bulk export', people.alice);
      await h.rapport.stop();

      const env = t.env;
      const first = await startRapportProcess({ fake: h.fake, store, clock: clock.now(), env });
      t.fake.holdNextCreate();
      const driver = new SlackDriver({
        appUrl: `http://127.0.0.1:${first.port}`,
        signingSecret: SIGNING_SECRET,
        fake: h.fake,
      });
      const message = twin(h, 'ACME-1');
      await driver.blockAction({
        user: people.bob,
        channelId: channels.triage,
        message,
        actions: [{ action_id: TRACKER_ACTIONS.send, value: buttonValue(message, TRACKER_ACTIONS.send) }],
      });
      await t.fake.waitForHeld();
      await first.kill();
      expect(t.created()).toBe(1);

      clock.advance(11); // past the effect's 10-minute lease
      const second = await startRapportProcess({ fake: h.fake, store, clock: clock.now(), env });
      await second.runJob('effects');
      await second.settled();
      expect(t.created()).toBe(1);
      expect(t.searches()).toBe(1);
      expect(JSON.stringify(twin(h, 'ACME-1').blocks)).toContain(t.key);
      expect(await second.stop()).toBe(0);
    },
  );
});

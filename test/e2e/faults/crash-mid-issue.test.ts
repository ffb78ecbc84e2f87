import { afterEach, describe, expect, it } from 'vitest';
import { SlackDriver } from '../../../src/playground/slack-simulator/index.js';
import { TRACKER_ACTIONS } from '../../../src/slack/trackers/ids.js';
import { FakeGithub, GITHUB_TOKEN, WEBHOOK_SECRET } from '../../support/fake-github/index.js';
import { buttonValue, setUpPartnership } from '../../support/flows.js';
import { idea, REPO, route, twin } from '../../support/github-flows.js';
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

/**
 * SIGKILL between GitHub creating an issue and Rapport recording it: GitHub stored the issue, its answer
 * never came. The process restarted past the effect's lease searches GitHub for the ask's reference and
 * adopts the issue it finds instead of creating another.
 */
describe.each(storeKinds())('killed while GitHub creates an issue ($name store)', (kind) => {
  let h: Harness | null = null;
  let github: FakeGithub | null = null;

  afterEach(async () => {
    killAllRapportProcesses();
    await h?.fake.stop();
    await github?.stop();
    h = null;
    github = null;
  });

  it('ends with exactly one issue, adopted by the process that took over', async (context) => {
    if (!kind.available) context.skip();
    const store = kind.freshLocation();
    const clock = new TestClock('2026-12-01T10:00:00Z');
    github = await FakeGithub.start();
    github.addRepo(REPO);
    github.now = () => clock.now();
    const settings = {
      token: GITHUB_TOKEN,
      apiUrl: github.apiUrl,
      webhookSecret: WEBHOOK_SECRET,
      statusMap: {},
      people: {},
    };
    h = await startHarness(store, {
      clock,
      trackers: { github: settings, commentMarker: 'customer:', pollMinutes: 0, admins: [] },
    });
    await setUpPartnership(h, channels.shared, 'Acme Corp');
    await route(h, `enhancement ${REPO}`);
    await idea(h, 'Bulk export', people.alice);
    await h.rapport.stop();

    const env = { GITHUB_TOKEN, GITHUB_API_URL: github.apiUrl, GITHUB_WEBHOOK_SECRET: WEBHOOK_SECRET };
    const first = await startRapportProcess({ fake: h.fake, store, clock: clock.now(), env });
    github.holdNextCreate();
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
    await github.waitForHeld();
    await first.kill();
    expect(github.issues(REPO)).toHaveLength(1);

    clock.advance(11); // past the effect's 10-minute lease
    const second = await startRapportProcess({ fake: h.fake, store, clock: clock.now(), env });
    await second.runJob('effects');
    await second.settled();
    expect(github.issues(REPO)).toHaveLength(1);
    expect(github.callsTo('GET', '/search/issues')).toHaveLength(1);
    expect(JSON.stringify(twin(h, 'ACME-1').blocks)).toContain('acme/app#1');
    expect(await second.stop()).toBe(0);
  }, 60_000); // two processes started one after another, more on a loaded machine
});

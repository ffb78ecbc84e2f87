import { afterEach, describe, expect, it } from 'vitest';
import { postIncidentUpdate } from '../../../src/app/incidents/post-incident-update.js';
import type { StoredMessage } from '../../../src/playground/slack-simulator/index.js';
import { ANNOUNCE_BLOCKS as B } from '../../../src/slack/announcements/ids.js';
import { INCIDENT_BLOCKS as I } from '../../../src/slack/incidents/ids.js';
import { INPUT } from '../../../src/slack/shared/ids.js';
import { announceAndSend } from '../../support/announcement-flows.js';
import { type Harness, people, startHarness } from '../../support/rapport-harness.js';
import {
  killAllRapportProcesses,
  type RapportProcess,
  startRapportProcess,
} from '../../support/rapport-process.js';
import { storeKinds } from '../../support/stores.js';
import { TestClock } from '../../support/test-clock.js';
import { bothChannels, killMidPost } from './kill-mid-post.js';
import { acme, RAISED_AT, SETUP_AT, setUpTwoPartnerships } from './two-partnerships.js';

const minutesAfter = (minutes: number) => new Date(Date.parse(RAISED_AT) + minutes * 60_000);
const OUTCOME = 'Update 1: reached 2 of 2 channels';

/**
 * SIGKILL while an incident update goes out: Slack stored the reply in one or both threads but its answer
 * never reached Rapport. After a restart, within the dead holder's lease its deliveries are left alone;
 * past it, each stored reply is found in its thread by its metadata and recorded, never posted twice, the
 * rest is posted, every top message is edited, and the poster's progress message shows the outcome once.
 */
describe.each(storeKinds())('killed while an incident update goes out ($name store)', (kind) => {
  let h: Harness | null = null;

  afterEach(async () => {
    killAllRapportProcesses();
    await h?.fake.stop();
    h = null;
  });

  const keyOf = (m: StoredMessage) => String(m.metadata?.event_payload?.key);
  const repliesIn = (channel: string) =>
    (h as Harness).fake.messagesIn(channel).filter((m) => keyOf(m).startsWith('incident-update:'));
  const topIn = (channel: string) =>
    (h as Harness).fake.messagesIn(channel).find((m) => keyOf(m).startsWith('announcement:'));
  const outcomes = () =>
    (h as Harness).fake
      .dmsTo(people.alice.id)
      .filter((m) => m.text === OUTCOME && keyOf(m).startsWith('incident-'));

  it('posts each thread’s reply once after a restart, edits every top message, and tells the outcome once', async (context) => {
    if (!kind.available) context.skip();
    const store = kind.freshLocation();
    const clock = new TestClock(SETUP_AT);
    h = await startHarness(store, { clock });
    await setUpTwoPartnerships(h, clock);
    await announceAndSend(h, acme.channel, {
      [B.title]: { [INPUT]: 'Checkout errors' },
      [B.body]: { [INPUT]: 'Some payments fail.' },
      [I.kind]: { [INPUT]: 'incident' },
    });
    // The update is stored (as the form's submit stores it) while no process sends it yet.
    const [incident] = await h.rapport.store.incidents.listRecent(1);
    const posted = await postIncidentUpdate(
      { ...h.rapport.store, clock },
      {
        actor: { userId: people.alice.id, teamId: h.fake.vendorTeamId, side: 'vendor' },
        id: incident?.id ?? '',
        status: 'identified',
        text: 'A bad deploy: rolling back.',
      },
    );
    expect(posted.ok).toBe(true);
    await h.rapport.stop();
    const fake = h.fake;
    const stored = () => bothChannels.map((channel) => repliesIn(channel).length);
    const afterKill = await killMidPost(fake, {
      store,
      at: minutesAfter(1),
      job: 'incident-updates',
      threadReplies: true,
      stored,
    });

    // The dead process claimed both deliveries together: within its lease they are left alone.
    const second: RapportProcess = await startRapportProcess({ fake, store, clock: minutesAfter(5) });
    await second.runJob('incident-updates');
    expect(stored()).toEqual(afterKill);
    expect(outcomes()).toEqual([]);

    await second.setClock(minutesAfter(12));
    await second.runJob('incident-updates');
    await second.runJob('incident-updates');
    for (const channel of bothChannels) {
      expect(repliesIn(channel)).toHaveLength(1);
      expect(repliesIn(channel)[0]?.thread_ts).toBe(topIn(channel)?.ts);
      expect(JSON.stringify(topIn(channel)?.blocks)).toContain('*Identified*');
    }
    expect(outcomes()).toHaveLength(1);
    expect(await second.stop()).toBe(0);
  }, 60_000); // processes started one after another: a few seconds alone, more on a loaded machine
});

import { afterEach, describe, expect, it } from 'vitest';
import { ANNOUNCE_BLOCKS as B } from '../../../src/slack/announcements/ids.js';
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
import { acme, globex, SETUP_AT, setUpTwoPartnerships } from './two-partnerships.js';

/** Monday 10:00 in Berlin, when the announcement is scheduled. */
const DUE = Date.parse('2026-11-23T09:00:00Z');
const minutesAfterDue = (minutes: number) => new Date(DUE + minutes * 60_000);
const REPORT = 'Maintenance window: reached 2 of 2 channels';

/**
 * SIGKILL while an announcement fans out: Slack stored the first channel's message but its answer never
 * reached Rapport. After a restart, within the dead holder's lease its deliveries are left alone; past it,
 * the stored message is found by its metadata and recorded, never posted twice, the other is posted, and
 * the sender is told once.
 */
describe.each(storeKinds())('killed while an announcement fans out ($name store)', (kind) => {
  let h: Harness | null = null;

  afterEach(async () => {
    killAllRapportProcesses();
    await h?.fake.stop();
    h = null;
  });

  const announcementsIn = (channel: string) =>
    (h as Harness).fake
      .messagesIn(channel)
      .filter((m) => String(m.metadata?.event_payload?.key).startsWith('announcement:'));
  const reports = () => (h as Harness).fake.dmsTo(people.alice.id).filter((m) => m.text === REPORT);

  it('posts each partnership’s message once after a restart, and reports once', async (context) => {
    if (!kind.available) context.skip();
    const store = kind.freshLocation();
    const clock = new TestClock(SETUP_AT);
    h = await startHarness(store, { clock });
    await setUpTwoPartnerships(h, clock);
    await announceAndSend(h, acme.channel, {
      [B.title]: { [INPUT]: 'Maintenance window' },
      [B.body]: { [INPUT]: 'The API is read-only on Sunday from 02:00 to 03:00 UTC.' },
      [B.when]: { [INPUT]: 'later' },
      [B.date]: { [INPUT]: '2026-11-23' },
      [B.time]: { [INPUT]: '10:00' },
    });
    await h.rapport.stop();
    const fake = h.fake;
    const stored = () => bothChannels.map((channel) => announcementsIn(channel).length);
    const afterKill = await killMidPost(fake, {
      store,
      at: minutesAfterDue(1),
      job: 'announcements',
      stored,
    });

    // The dead process claimed both deliveries together: within its lease they are left alone.
    const second: RapportProcess = await startRapportProcess({ fake, store, clock: minutesAfterDue(5) });
    await second.runJob('announcements');
    expect(stored()).toEqual(afterKill);
    expect(reports()).toEqual([]);

    await second.setClock(minutesAfterDue(12));
    await second.runJob('announcements');
    await second.runJob('announcements');
    expect(announcementsIn(acme.channel)).toHaveLength(1);
    expect(announcementsIn(globex.channel)).toHaveLength(1);
    expect(reports()).toHaveLength(1);
    expect(await second.stop()).toBe(0);
  }, 60_000); // processes started one after another: a few seconds alone, more on a loaded machine
});

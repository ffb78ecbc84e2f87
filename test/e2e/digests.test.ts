import { describe, expect, it } from 'vitest';
import type { Approval } from '../../src/domain/approvals/approval.js';
import { nextCheckAt } from '../../src/domain/approvals/rules.js';
import type { DriverUser, StoredMessage } from '../../src/playground/slack-simulator/index.js';
import type { RunningRapport } from '../../src/rapport.js';
import { SETUP_BLOCKS } from '../../src/slack/setup/ids.js';
import { INPUT } from '../../src/slack/shared/ids.js';
import { anApproval } from '../support/approval-fixture.js';
import { clickPostNow, digestPreview, ephemeralTo } from '../support/digest-flows.js';
import {
  acmeForEachTest,
  openModalByCommand,
  raiseHelpRequest,
  shareTriageChannel,
} from '../support/flows.js';
import { channels, type Harness, people, VENDOR_TEAM } from '../support/rapport-harness.js';
import { storeKinds } from '../support/stores.js';
import type { TestClock } from '../support/test-clock.js';

// Acme is set up on Sunday 22 November 2026 with the default digest: Mondays 09:00 Europe/Berlin,
// which is 08:00 UTC on Monday 23 November.
const SLOT = '2026-11-23T08:00:00Z';

describe.each(storeKinds())('status digests end to end ($name store)', (kind) => {
  let h: Harness;
  let clock: TestClock;
  acmeForEachTest(kind, '2026-11-22T10:00:00Z', (started, startedClock) => {
    h = started;
    clock = startedClock;
  });

  const minutesAfterSlot = (minutes: number) => clock.set(new Date(Date.parse(SLOT) + minutes * 60_000));
  const tick = async (rapport: RunningRapport = h.rapport) => {
    await rapport.runJob('digests');
    await h.rapport.settled();
  };
  const isDigest = (m: StoredMessage) => m.text.startsWith('Status digest');
  const isInternal = (m: StoredMessage) => JSON.stringify(m.blocks).includes('Internal digest');
  const customerDigests = () => h.fake.messagesIn(channels.shared).filter(isDigest);
  const internalDigests = () => h.fake.messagesIn(channels.triage).filter(isInternal);

  const raise = (user: DriverUser, title: string, urgency = 'normal') =>
    raiseHelpRequest(h, user, title, urgency);

  it('posts the scheduled digest once, with the period’s asks, and the internal one only in triage', async () => {
    await raise(people.alice, 'Checkout is down', 'urgent');
    await raise(people.alice, 'Export to CSV');
    minutesAfterSlot(70); // the urgent ask was due an hour into Monday's working day: 09:00 UTC
    await tick();
    minutesAfterSlot(71);
    await tick();

    expect(customerDigests()).toHaveLength(1);
    const digest = JSON.stringify(customerDigests()[0]);
    expect(digest).toContain('Since Rapport started here');
    expect(digest).toContain('ACME-1');
    expect(digest).toContain('Checkout is down');
    expect(digest).toContain('ACME-2');
    expect(digest).toMatch(/overdue by 10 min/);
    expect(digest).toContain('"action_id":"welcome.ask_for_help"');
    expect(internalDigests()).toHaveLength(1);
    expect(JSON.stringify(internalDigests()[0])).toContain('ACME-1');
    // Nothing internal reaches the shared channel.
    expect(h.fake.messagesIn(channels.shared).filter(isInternal)).toEqual([]);
    const [record] = await h.rapport.store.digests.listRecent(
      (await h.rapport.store.partnerships.findByChannel(channels.shared))?.id ?? '',
      5,
    );
    expect(record).toMatchObject({ state: 'posted', slot: new Date(SLOT), error: null });
    expect(record?.customerMessage?.ts).toBe(customerDigests()[0]?.ts);
  });

  it('lists the pending sign-offs of the channel and whom each waits on; settled ones are left out', async () => {
    const acme = await h.rapport.store.partnerships.findByChannel(channels.shared);
    if (!acme) throw new Error('Acme is not set up');
    const now = clock.now();
    const approval = (overrides: Partial<Approval>) => {
      const a = anApproval({
        partnershipId: acme.id,
        channelId: channels.shared,
        requester: { userId: people.alice.id, teamId: VENDOR_TEAM, side: 'vendor' },
        approvers: [
          { userId: people.alice.id, side: 'vendor', backupId: null },
          { userId: people.carol.id, side: 'customer', backupId: people.dave.id },
        ],
        dueAt: new Date('2026-11-25T16:00:00Z'),
        createdAt: now,
        updatedAt: now,
        ...overrides,
      });
      return { ...a, checkAt: nextCheckAt(a) };
    };
    const store = h.rapport.store.approvals;
    // Carol's seat has been passed on to Dave, her backup.
    await store.insert(
      approval({
        id: 'ap-go-live',
        title: 'Go live <!channel>',
        escalated: [people.carol.id],
        card: { channelId: channels.shared, ts: '1795000000.000100' },
      }),
    );
    await store.insert(approval({ id: 'ap-old', title: 'Old pricing', state: 'approved', settledAt: now }));
    await store.insert(
      approval({ id: 'ap-globex', title: 'Globex rollout', channelId: channels.otherShared }),
    );

    minutesAfterSlot(0);
    await tick();
    const [digest] = customerDigests();
    if (!digest) throw new Error('no customer digest was posted');
    expect(digest.text).toMatch(/, 1 approval waiting$/);
    const list = (digest.blocks as { text?: { text: string } }[])
      .map((b) => b.text?.text ?? '')
      .find((t) => t.startsWith('*Approvals waiting'));
    expect(list).toMatch(
      new RegExp(
        '^\\*Approvals waiting \\(1\\)\\*\\n• Go live &lt;!channel&gt; · card in <#CSHARED01> · due in 2 d 8 h ' +
          '\\(<!date\\^[^>]+>\\) · All 2 must approve: 0 so far · ' +
          'waiting on <@UALICE001> and <@UDAVE0001> \\(for <@UCAROL001>\\)$',
      ),
    );
    const posted = JSON.stringify(customerDigests());
    expect(posted).not.toContain('Old pricing');
    expect(posted).not.toContain('Globex rollout');
    // Sign-offs are for both sides to read: the internal digest does not repeat them.
    expect(JSON.stringify(internalDigests())).not.toContain('Go live');
  });

  it('absorbs 429s: waits out Retry-After on its clock and posts each digest once', async () => {
    minutesAfterSlot(0);
    h.fake.rateLimitNext('chat.postMessage', 30, 2);
    await tick();
    expect(h.fake.failuresServedCount('chat.postMessage')).toBe(2);
    expect(customerDigests()).toHaveLength(1);
    expect(internalDigests()).toHaveLength(1);
    expect(clock.now().getTime() - Date.parse(SLOT)).toBeGreaterThanOrEqual(60_000);
  });

  it('records a digest Slack refuses and reports it in the internal digest', async () => {
    minutesAfterSlot(0);
    h.fake.failNext('chat.postMessage', 'channel_not_found');
    await tick();
    expect(customerDigests()).toEqual([]);
    expect(JSON.stringify(internalDigests())).toContain('channel_not_found');
    const p = await h.rapport.store.partnerships.findByChannel(channels.shared);
    expect((await h.rapport.store.digests.listRecent(p?.id ?? '', 1))[0]).toMatchObject({
      state: 'failed',
      error: 'channel_not_found',
    });
  });

  it('sends the internal digest to the owner instead if the triage channel has since been shared', async () => {
    shareTriageChannel(h);
    minutesAfterSlot(0);
    await tick();
    expect(h.fake.messagesIn(channels.triage)).toEqual([]);
    expect(h.fake.dmsTo(people.alice.id).filter(isInternal)).toHaveLength(1);
    expect(h.fake.messagesIn(channels.shared).filter(isInternal)).toEqual([]);
    expect(customerDigests()).toHaveLength(1);
  });

  it('refreshes the owner’s Home tab with the last digest and the next slot', async () => {
    minutesAfterSlot(0);
    await tick();
    const home = h.fake.callsTo('views.publish').find((c) => c.args.user_id === people.alice.id);
    expect(JSON.stringify(home?.args.view)).toMatch(
      /last digest: <!date\^1795420800\^[^>]*> \(next <!date\^1796025600\^/,
    );
  });

  it('catches up a slot missed while it was down once, within the grace; past it, skips and says so', async () => {
    minutesAfterSlot(4 * 60);
    await h.restart();
    await tick();
    await tick();
    expect(customerDigests()).toHaveLength(1);

    // The next Monday's slot is found 7 h late: skipped, and the digest after it says so internally.
    clock.set('2026-11-30T15:00:00Z');
    await h.restart();
    await tick();
    expect(customerDigests()).toHaveLength(1);
    clock.set('2026-12-07T08:00:30Z');
    await tick();
    expect(customerDigests()).toHaveLength(2);
    expect(JSON.stringify(customerDigests().at(-1))).toContain('Since the last digest');
    expect(JSON.stringify(internalDigests().at(-1))).toMatch(/skipped/i);
  });

  it('posts once when two instances on one database tick together', async (context) => {
    if (kind.name !== 'mongo') context.skip(); // the embedded store is single-process by design
    const replica = await h.startReplica();
    minutesAfterSlot(0);
    await Promise.all([tick(h.rapport), tick(replica)]);
    expect(customerDigests()).toHaveLength(1);
    expect(internalDigests()).toHaveLength(1);
  });

  it('previews privately on /rapport digest; Post now posts once however often it is clicked', async () => {
    await raise(people.alice, 'Checkout is down');
    const preview = await digestPreview(h);
    expect(JSON.stringify(preview.blocks)).toContain('ACME-1');
    expect(JSON.stringify(preview.blocks)).toContain('At 09:00, only on Monday (Europe/Berlin)');
    expect(h.fake.messagesIn(channels.shared).filter(isDigest)).toEqual([]);

    await clickPostNow(h, preview);
    await clickPostNow(h, preview);
    expect(customerDigests()).toHaveLength(1);
    expect(internalDigests()).toHaveLength(1);
    await ephemeralTo(h, people.alice, 'Posted the digest');
  });

  it('lets a customer neither see the preview buttons work nor post', async () => {
    await clickPostNow(h, await digestPreview(h), people.carol);
    expect(customerDigests()).toEqual([]);
    await ephemeralTo(h, people.carol, 'Only people at the vendor');
  });

  it('edits the schedule in the setup form: the preview follows what is typed, bad cron is refused inline', async () => {
    const view = await openModalByCommand(h, people.alice, 'setup');
    const typed = { [SETUP_BLOCKS.digestCron]: { [INPUT]: '30 16 * * 5' } };
    await h.driver.blockAction({
      user: people.alice,
      view,
      values: typed,
      actions: [
        {
          action_id: INPUT,
          block_id: SETUP_BLOCKS.digestCron,
          type: 'plain_text_input',
          value: '30 16 * * 5',
        },
      ],
    });
    const update = await h.fake.waitForCall('views.update');
    expect(JSON.stringify(update.args.view)).toContain(
      'At 16:30, only on Friday (Europe/Berlin). Next: Fri 27 Nov 2026, 16:30',
    );

    const refused = await h.driver.viewSubmission({
      user: people.alice,
      view,
      values: { [SETUP_BLOCKS.digestCron]: { [INPUT]: '*/5 * * * *' } },
    });
    expect(JSON.stringify(refused.body)).toContain(SETUP_BLOCKS.digestCron);
    expect(JSON.stringify(refused.body)).toContain('at most once an hour');

    await h.driver.viewSubmission({ user: people.alice, view, values: typed });
    await h.fake.waitForCall('chat.postEphemeral', (c) => String(c.args.text).includes('Saved your changes'));
    expect(await h.rapport.store.partnerships.findByChannel(channels.shared)).toMatchObject({
      digest: { cron: '30 16 * * 5', timeZone: 'Europe/Berlin' },
      digestNextAt: new Date('2026-11-27T15:30:00Z'),
    });
  });
});

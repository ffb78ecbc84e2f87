import { randomUUID } from 'node:crypto';
import { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import type { Approval } from '../../src/domain/approvals/approval.js';
import { nextCheckAt } from '../../src/domain/approvals/rules.js';
import { followUpId } from '../../src/domain/follow-ups/follow-up.js';
import { blankFollowUp } from '../../src/domain/follow-ups/plan.js';
import { createLogger } from '../../src/logger.js';
import type { DriverUser, RecordedCall } from '../../src/playground/slack-simulator/index.js';
import { ASK_BLOCKS } from '../../src/slack/asks/ids.js';
import { createSlackDirectory } from '../../src/slack/bolt/directory.js';
import { refreshHomes } from '../../src/slack/home/publish-home.js';
import { slackDate } from '../../src/slack/shared/describe-due.js';
import { INPUT } from '../../src/slack/shared/ids.js';
import { anApproval } from '../support/approval-fixture.js';
import { anAsk } from '../support/ask-fixture.js';
import { acmeForEachTest, openModalByCommand } from '../support/flows.js';
import { channels, type Harness, people, VENDOR_TEAM } from '../support/rapport-harness.js';
import { storeKinds } from '../support/stores.js';
import type { TestClock } from '../support/test-clock.js';

// Monday 23 November 2026, 11:00 in Berlin: inside Acme's business hours (Mon–Fri 09:00–17:00).
const START = '2026-11-23T10:00:00Z';
// Set up on Monday after 09:00 Berlin: the default weekly digest comes next Monday.
const NEXT_DIGEST = new Date('2026-11-30T08:00:00Z');

describe.each(storeKinds())('the App Home tab ($name store)', (kind) => {
  let h: Harness;
  let clock: TestClock;

  acmeForEachTest(kind, START, (started, startedClock) => {
    h = started;
    clock = startedClock;
  });

  /** Opens a tab of the app as `user` and returns the Home tabs published in response. */
  async function openTab(user: DriverUser, tab: 'home' | 'messages' = 'home'): Promise<RecordedCall[]> {
    const before = h.fake.callsTo('views.publish').length;
    await h.driver.event({ event: { type: 'app_home_opened', user: user.id, channel: 'DHOME0001', tab } });
    await h.rapport.settled();
    return h.fake.callsTo('views.publish').slice(before);
  }

  /** The texts of a published Home tab, block by block. */
  const texts = (call: RecordedCall): string[] =>
    (
      call.args.view as { blocks: { type: string; text?: { text: string }; elements?: { text: string }[] }[] }
    ).blocks.map((b) => b.text?.text ?? b.elements?.[0]?.text ?? `[${b.type}]`);

  async function raise(user: DriverUser, text: string): Promise<void> {
    const view = await openModalByCommand(h, user, `ask ${text}`);
    await h.driver.viewSubmission({ user, view, values: { [ASK_BLOCKS.urgency]: { [INPUT]: 'high' } } });
    await h.fake.waitForCall('chat.postEphemeral', (c) => String(c.args.text).includes('this is now'));
    await h.rapport.settled();
  }

  it('shows the owner what she owes, the asks she raised and the health of her partnership', async () => {
    await raise(people.alice, 'Export fails\nThe CSV export times out');

    const published = await openTab(people.alice);
    expect(published).toHaveLength(1);
    const call = published[0] as RecordedCall;
    expect(call.response.ok).toBe(true);
    expect(call.args.user_id).toBe(people.alice.id);
    expect((call.args.view as { type: string }).type).toBe('home');
    const shown = texts(call);
    // High urgency: first response within 4 business hours, so by 15:00 Berlin (14:00 UTC).
    expect(shown[1]).toBe(
      `*ACME-1* Export fails\nAcme Corp · due in 4 h (${slackDate(new Date('2026-11-23T14:00:00Z'))})`,
    );
    expect(shown).toContain('*ACME-1* Export fails\nOpen · Acme Corp');
    expect(shown).toContain(
      `*Acme Corp* in <#${channels.shared}>\n1 open ask · none overdue · ` +
        `last customer message: none yet · last digest: none yet (next ${slackDate(NEXT_DIGEST)})`,
    );
  });

  it('lists an unanswered customer message, escaped, and counts it overdue once its time has passed', async () => {
    await h.driver.userMessage({
      user: people.carol,
      channelId: channels.shared,
      text: 'Is the export fixed yet? @here <!channel>',
    });
    await h.rapport.settled();
    clock.set('2026-11-25T10:00:00Z'); // two business days later

    const shown = texts((await openTab(people.alice))[0] as RecordedCall);
    const owed = shown[1] as string;
    expect(owed).toContain(
      `Unanswered message from <@${people.carol.id}>: “Is the export fixed yet? @\u2060here &lt;!channel&gt;”`,
    );
    expect(owed).toMatch(/\nAcme Corp · \*overdue by /);
    expect(shown).toContain(
      `*Acme Corp* in <#${channels.shared}>\n0 open asks · *1 overdue* · ` +
        `last customer message: ${slackDate(new Date(START))} · last digest: none yet (next ${slackDate(NEXT_DIGEST)})\n` +
        // carol is the only person at Acme seen acting in the last 30 days.
        `:warning: Single-threaded: only <@${people.carol.id}> active in 30 days`,
    );
  });

  it('publishes nothing for the Messages tab or for people at the customer, and an empty tab for others', async () => {
    await raise(people.alice, 'Export fails');
    expect(await openTab(people.alice, 'messages')).toEqual([]);
    expect(await openTab(people.carol)).toEqual([]);

    const published = await openTab(people.bob);
    expect(published.map((c) => c.args.user_id)).toEqual([people.bob.id]);
    expect(texts(published[0] as RecordedCall).filter((t) => !t.startsWith('Updated '))).toEqual([
      'What I owe',
      'Nothing is waiting on you. :tada:',
      '[divider]',
      'Approvals waiting for me',
      'No approval is waiting on you.',
      '[divider]',
      'Asks I raised',
      'You have not raised any asks yet.',
      '[divider]',
      'Partnerships I own',
      'You do not own any partnerships.',
    ]);
  });

  it('stays inside the Home limits with many items: soonest due first, then how many more', async () => {
    const store = h.rapport.store;
    const acme = await store.partnerships.findByChannel(channels.shared);
    if (!acme) throw new Error('Acme is not set up');
    const now = clock.now();
    for (let i = 0; i < 40; i += 1) {
      const ask = anAsk({
        partnershipId: acme.id,
        channelId: channels.shared,
        requester: { userId: people.alice.id, teamId: VENDOR_TEAM, side: 'vendor' },
        ownerId: people.alice.id,
        content: { ...anAsk().content, title: `Item ${i} ${'x'.repeat(3000)}` },
        createdAt: new Date(now.getTime() + i * 1000),
      });
      expect(await store.asks.insert(ask)).toBe('inserted');
      // Inserted latest-due first, so the order shown is the repository's.
      const followUp = blankFollowUp({ type: 'ask', id: ask.id }, acme.id, `ask:${ask.id}`, now);
      const dueAt = new Date(now.getTime() + (40 - i) * 3_600_000);
      expect(await store.followUps.insert({ ...followUp, ownerId: people.alice.id, dueAt })).toBe('inserted');
    }

    // Her seats on five approvals, due before everything else: listed apart, never as owed.
    for (let i = 0; i < 5; i += 1) {
      const approval = await insertApproval({
        id: `ap-${i}`,
        dueAt: new Date(now.getTime() + 60_000 * (i + 1)),
      });
      await insertSeatFollowUp(approval, people.alice.id);
    }

    const call = (await openTab(people.alice))[0] as RecordedCall;
    expect(call.response.ok).toBe(true);
    const shown = texts(call);
    expect(shown.length).toBeLessThanOrEqual(100);
    expect(shown.filter((t) => t.startsWith('*Approval* '))).toHaveLength(5);
    const owed = shown.slice(1, shown.indexOf('[divider]'));
    expect(owed.slice(0, 3).map((t) => t.match(/Item \d+/)?.[0])).toEqual(['Item 39', 'Item 38', 'Item 37']);
    expect(owed).toHaveLength(16);
    expect(owed.at(-1)).toBe('…and 25 more');
    expect(shown.filter((t) => t.includes('\nOpen · Acme Corp'))).toHaveLength(10);
    expect(shown).toContain(
      `*Acme Corp* in <#${channels.shared}>\n40 open asks · none overdue · ` +
        `last customer message: none yet · last digest: none yet (next ${slackDate(NEXT_DIGEST)})`,
    );
  });

  it('lists the approvals waiting on a vendor approver in their own section, not in what she owes', async () => {
    const dueAt = new Date('2026-11-25T16:00:00Z');
    const approval = await insertApproval({
      title: 'Go live on 1 December',
      dueAt,
      card: { channelId: channels.shared, ts: '1795000000.000100' },
    });
    await insertSeatFollowUp(approval, people.alice.id);
    await insertApproval({ id: 'ap-done', title: 'Old pricing', state: 'approved', settledAt: clock.now() });

    const shown = texts((await openTab(people.alice))[0] as RecordedCall);
    expect(shown.slice(0, 6)).toEqual([
      'What I owe',
      'Nothing is waiting on you. :tada:',
      '[divider]',
      'Approvals waiting for me',
      `*Approval* Go live on 1 December\nAcme Corp · due in 2 d 6 h (${slackDate(dueAt)}) · card in <#${channels.shared}>`,
      '[divider]',
    ]);
    expect(JSON.stringify(shown)).not.toContain('Old pricing');

    // Bob is her backup: nothing for him until her seat is passed on to him.
    expect(texts((await openTab(people.bob))[0] as RecordedCall)).toContain('No approval is waiting on you.');
    const escalated = { ...approval, escalated: [people.alice.id] };
    expect(await h.rapport.store.approvals.replace(escalated, approval.version)).toBe('replaced');
    expect(texts((await openTab(people.bob))[0] as RecordedCall)).toContain(
      `*Approval* Go live on 1 December · as backup for <@${people.alice.id}>\nAcme Corp · ` +
        `due in 2 d 6 h (${slackDate(dueAt)}) · card in <#${channels.shared}>`,
    );
  });

  /** A pending approval in Acme's channel asking Alice (Bob her backup) and Carol. */
  async function insertApproval(overrides: Partial<Approval>): Promise<Approval> {
    const acme = await h.rapport.store.partnerships.findByChannel(channels.shared);
    if (!acme) throw new Error('Acme is not set up');
    const now = clock.now();
    const approval = anApproval({
      partnershipId: acme.id,
      channelId: channels.shared,
      requester: { userId: people.alice.id, teamId: VENDOR_TEAM, side: 'vendor' },
      approvers: [
        { userId: people.alice.id, side: 'vendor', backupId: people.bob.id },
        { userId: people.carol.id, side: 'customer', backupId: null },
      ],
      createdAt: now,
      updatedAt: now,
      ...overrides,
    });
    const stored = { ...approval, checkAt: nextCheckAt(approval) };
    expect(await h.rapport.store.approvals.insert(stored)).toBe('inserted');
    return stored;
  }

  /** The nag engine's record of one approver's seat, owed by them. */
  async function insertSeatFollowUp(approval: Approval, userId: string): Promise<void> {
    const subjectId = `${approval.id}/${userId}`;
    const id = followUpId('approval', subjectId);
    const blank = blankFollowUp({ type: 'approval', id: subjectId }, approval.partnershipId, id, clock.now());
    const followUp = { ...blank, ownerId: userId, target: 'sign_off' as const, dueAt: approval.dueAt };
    expect(await h.rapport.store.followUps.insert(followUp)).toBe('inserted');
  }

  it('refreshes each vendor-side person once, and a failed publish is logged, never thrown', async () => {
    const client = new WebClient('xoxb-test-token', {
      slackApiUrl: h.fake.apiUrl,
      retryConfig: { retries: 0 },
    });
    const logs: string[] = [];
    const deps = {
      repositories: h.rapport.store,
      directory: createSlackDirectory(() => client, VENDOR_TEAM, clock),
      clock,
      newId: randomUUID,
      logger: createLogger('debug', (line) => logs.push(line)),
    };
    h.fake.failNext('views.publish', 'internal_error');

    await refreshHomes(client, deps, [people.alice.id, people.carol.id, people.alice.id, people.bob.id]);

    const calls = h.fake.callsTo('views.publish');
    expect(calls.map((c) => c.args.user_id).sort()).toEqual([people.alice.id, people.bob.id].sort());
    const failed = calls.find((c) => !c.response.ok) as RecordedCall;
    expect(h.fake.failuresServedCount('views.publish')).toBe(1);
    const warnings = logs.map((l) => JSON.parse(l)).filter((l) => l.level === 'warn');
    expect(warnings).toEqual([
      expect.objectContaining({ msg: 'could not refresh a Home tab', userId: failed.args.user_id }),
    ]);
  });
});

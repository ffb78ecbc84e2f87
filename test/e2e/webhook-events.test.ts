import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/playground/slack-simulator/index.js';
import { ANNOUNCE_BLOCKS } from '../../src/slack/announcements/ids.js';
import { APPROVAL_ACTIONS, APPROVAL_BLOCKS } from '../../src/slack/approvals/ids.js';
import { FEEDBACK_ACTIONS } from '../../src/slack/feedback/ids.js';
import { SETUP_BLOCKS } from '../../src/slack/setup/ids.js';
import { INPUT } from '../../src/slack/shared/ids.js';
import { announceAndSend } from '../support/announcement-flows.js';
import { clickPostNow, digestPreview } from '../support/digest-flows.js';
import {
  buttonValue,
  commandReply,
  modalOpenedAfter,
  openModalByCommand,
  raiseHelpRequest,
  setUpAcme,
  setUpPartnership,
} from '../support/flows.js';
import { channels, type Harness, people, startHarness } from '../support/rapport-harness.js';
import { storeKinds } from '../support/stores.js';
import { TestClock } from '../support/test-clock.js';
import { addEndpoint, updateAsk, webhookSettings } from '../support/webhook-flows.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

describe.each(storeKinds())('webhook events beyond asks ($name store)', (kind) => {
  let h: Harness;
  let receiver: WebhookReceiver;
  let clock: TestClock;

  beforeEach(async (context) => {
    if (!kind.available) context.skip();
    receiver = await WebhookReceiver.start();
    clock = new TestClock('2026-11-23T08:00:00Z');
    h = await startHarness(kind.freshLocation(), { clock, webhooks: webhookSettings() });
    await setUpAcme(h);
    await addEndpoint(h, `${receiver.url}/all`);
    await addEndpoint(h, `${receiver.url}/internal`, { internal: true });
  });
  afterEach(async () => {
    if (!kind.available) return;
    expect(h.fake.violations).toEqual([]);
    await h.stop();
    await receiver.stop();
  });

  const types = (path: string) => receiver.at(path).map((w) => w.json.type);

  it('sends feedback.received when the requester rates a resolved request', async () => {
    await raiseHelpRequest(h, people.alice, 'Login is slow', 'normal');
    await updateAsk(h, 'ACME-1', 'resolved');
    const dm = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === people.alice.id);
    const question = h.fake.message(String(dm.response.channel), String(dm.response.ts)) as StoredMessage;
    await h.driver.blockAction({
      user: people.alice,
      channelId: String(dm.response.channel),
      message: question,
      actions: [{ action_id: FEEDBACK_ACTIONS.good, value: buttonValue(question, FEEDBACK_ACTIONS.good) }],
    });
    await h.rapport.settled();
    const feedback = receiver.at('/all').find((w) => w.json.type === 'feedback.received');
    expect(feedback?.json.data).toMatchObject({
      ask: { ref: 'ACME-1' },
      partnership: { name: 'Acme Corp' },
      actor: { userId: people.alice.id, side: 'vendor' },
      rating: 'good',
    });
  });

  it('sends stakeholder.left when the champion leaves, and partnership.at_risk to internal endpoints only', async () => {
    await h.driver.event({
      event: {
        type: 'member_left_channel',
        user: people.carol.id,
        channel: channels.shared,
        channel_type: 'C',
        team: people.carol.teamId,
      },
    });
    await h.rapport.settled();
    expect(types('/all')).toEqual(['stakeholder.left']);
    expect(types('/internal')).toEqual(['stakeholder.left', 'partnership.at_risk']);
    expect(receiver.at('/all')[0]?.json.data).toMatchObject({
      partnership: { name: 'Acme Corp' },
      stakeholder: { userId: people.carol.id, side: 'customer', role: 'champion' },
      reason: 'left',
    });
    expect(receiver.at('/internal')[1]?.json.data).toMatchObject({
      reason: 'key_contact_left',
      stakeholder: { userId: people.carol.id, role: 'champion' },
    });
  });

  it('sends digest.posted when a digest is posted to the shared channel', async () => {
    await clickPostNow(h, await digestPreview(h));
    expect(types('/all')).toEqual(['digest.posted']);
    expect(receiver.at('/all')[0]?.json.data).toMatchObject({
      digest: { trigger: 'manual' },
      partnership: { name: 'Acme Corp' },
    });
  });

  it('sends announcement.sent once its last delivery settled: its counts, never its internal details', async () => {
    await setUpPartnership(h, channels.otherShared, 'Globex');
    await commandReply(h, people.alice, 'tags enterprise');
    await commandReply(h, people.alice, 'tags smb', channels.otherShared);
    // Globex works in New York: sent "in each partnership's working hours", its message waits until 14:00 UTC.
    const setup = await openModalByCommand(h, people.alice, 'setup', channels.otherShared);
    await h.driver.viewSubmission({
      user: people.alice,
      view: setup,
      values: { [SETUP_BLOCKS.timeZone]: { [INPUT]: 'America/New_York' } },
    });
    await addEndpoint(h, `${receiver.url}/enterprise`, { tags: 'enterprise' });
    await addEndpoint(h, `${receiver.url}/smb`, { tags: 'smb' });
    await h.rapport.settled();
    await announceAndSend(h, channels.shared, {
      [ANNOUNCE_BLOCKS.title]: { [INPUT]: 'Release 4.2' },
      [ANNOUNCE_BLOCKS.body]: { [INPUT]: 'Faster exports.' },
      [ANNOUNCE_BLOCKS.when]: { [INPUT]: 'working_hours' },
    });
    expect(types('/all')).toEqual([]); // Acme has it; Globex's is still to go

    clock.advance(6 * 60);
    h.fake.failNextWhen('chat.postMessage', (args) => args.channel === channels.otherShared, 'is_archived');
    await h.rapport.runJob('announcements');
    await h.rapport.settled();
    const [announcement] = await h.rapport.store.announcements.listRecent(1);
    for (const path of ['/all', '/internal', '/enterprise']) {
      expect(types(path)).toEqual(['announcement.sent']);
      expect(receiver.at(path)[0]?.json.data).toEqual({
        announcement: { id: announcement?.id, title: 'Release 4.2', kind: 'announcement' },
        reached: 1,
        failed: 1,
        actor: null,
      });
    }
    expect(types('/smb')).toEqual([]); // Globex, the only partnership tagged smb, refused it

    await h.rapport.runJob('announcements');
    await h.rapport.settled();
    expect(types('/all')).toEqual(['announcement.sent']);
  });

  it('sends approval.requested, then approval.decided for each approver, in order', async () => {
    const view = await openModalByCommand(h, people.alice, 'approval');
    const res = await h.driver.viewSubmission({
      user: people.alice,
      view,
      values: {
        [APPROVAL_BLOCKS.title]: { [INPUT]: 'Go live on 1 December' },
        [APPROVAL_BLOCKS.approvers]: { [INPUT]: [people.bob.id, people.carol.id] },
        [APPROVAL_BLOCKS.rule]: { [INPUT]: 'all' },
        [APPROVAL_BLOCKS.dueDate]: { [INPUT]: '2026-11-26' },
        [APPROVAL_BLOCKS.dueTime]: { [INPUT]: '01:00' },
      },
    });
    expect(res.body).toBe('');
    await h.rapport.settled();
    const [approval] = await h.rapport.store.approvals.listByChannel(channels.shared, 1);
    const card = h.fake.message(channels.shared, approval?.card?.ts ?? '') as StoredMessage;
    for (const [user, verdict] of [
      [people.carol, 'approve'],
      [people.bob, 'reject'],
    ] as const) {
      const before = h.fake.callsTo('views.open').length;
      await h.driver.blockAction({
        user,
        channelId: channels.shared,
        message: card,
        actions: [{ action_id: APPROVAL_ACTIONS[verdict], value: approval?.id as string }],
      });
      const form = await modalOpenedAfter(h, before);
      const block = verdict === 'approve' ? APPROVAL_BLOCKS.comment : APPROVAL_BLOCKS.reason;
      await h.driver.viewSubmission({
        user,
        view: form,
        values: { [block]: { [INPUT]: 'Not before the audit' } },
      });
      await h.rapport.settled();
    }
    expect(types('/all')).toEqual(['approval.requested', 'approval.decided', 'approval.decided']);
    const [requested, approved, rejected] = receiver.at('/all').map((w) => w.json.data);
    expect(requested).toMatchObject({
      approval: { id: approval?.id, title: 'Go live on 1 December' },
      partnership: { name: 'Acme Corp' },
      actor: { userId: people.alice.id, side: 'vendor' },
      approvers: [
        { userId: people.bob.id, side: 'vendor' },
        { userId: people.carol.id, side: 'customer' },
      ],
    });
    expect(approved).toMatchObject({
      approverId: people.carol.id,
      verdict: 'approved',
      actor: { side: 'customer' },
    });
    expect(rejected).toMatchObject({
      approverId: people.bob.id,
      verdict: 'rejected',
      approval: { state: 'rejected' },
    });
  });
});

import { describe, expect, it } from 'vitest';
import { INPUT } from '../../src/slack/shared/ids.js';
import { LINK_BLOCKS, TRACKER_ACTIONS } from '../../src/slack/trackers/ids.js';
import { changeIssue, removeIssue } from '../support/fake-linear/index.js';
import { modalOpenedAfter, textsPostedTo } from '../support/flows.js';
import {
  clickTwin,
  expectDueDatePromisedOnClick,
  idea,
  route,
  storedAsk,
  thread,
  twin,
  twinThread,
} from '../support/github-flows.js';
import { issueNumber, linearForEachTest, linearWebhook, TEAM } from '../support/linear-flows.js';
import { channels, people } from '../support/rapport-harness.js';
import { storeKinds } from '../support/stores.js';

describe.each(storeKinds())('the triage twin of an ask sent to Linear ($name store)', (kind) => {
  const world = linearForEachTest(kind);

  it('shows the due date (else the cycle’s end) and the assignee, and promises a date only when someone clicks', async () => {
    const { h, linear } = world;
    await route(h, `enhancement linear ${TEAM} auto`);
    await idea(h, 'Audit log', people.alice);
    const issue = issueNumber(world, 1);
    await linearWebhook(
      world,
      changeIssue(linear, issue, { cycleEndsAt: '2026-12-14T23:59:59.000Z', assignee: 'Erin' }),
    );
    const shown = JSON.stringify(twin(h, 'ACME-1').blocks);
    expect(shown).toContain('Due in the tracker: *2026-12-14* (not promised to the customer)');
    expect(shown).toContain('Assigned in the tracker: Erin');

    await linearWebhook(world, changeIssue(linear, issue, { dueDate: '2026-12-20' }));
    await expectDueDatePromisedOnClick(h, '2026-12-20', 'Erin');
    expect(issue.comments.at(-1)?.body).toContain('**Promised to the customer for 2026-12-20.**');
  });

  it('reaches the same state by polling, reading all linked issues in one query, once per round', async () => {
    const { h, linear, clock } = world;
    await route(h, `enhancement linear ${TEAM} auto`);
    await idea(h, 'Bulk export', people.alice);
    await idea(h, 'Audit log', people.alice);
    const first = issueNumber(world, 1);
    const second = issueNumber(world, 2);
    first.stateType = 'completed';
    second.dueDate = '2027-01-15';
    second.assignee = 'Erin';

    const reads = linear.callsTo('RapportIssues').length;
    await h.rapport.runJob('tracker-poll');
    expect(linear.callsTo('RapportIssues')).toHaveLength(reads + 1);
    expect((await storedAsk(h, 'ACME-1')).status).toBe('shipped');
    expect(thread(h, channels.shared, 'ACME-1').at(-1)).toContain('Engineering has finished this.');
    const shown = JSON.stringify(twin(h, 'ACME-2').blocks);
    expect(shown).toContain('Due in the tracker: *2027-01-15*');
    expect(shown).toContain('Assigned in the tracker: Erin');
    await h.rapport.runJob('tracker-poll'); // the same round: already polled
    expect(linear.callsTo('RapportIssues')).toHaveLength(reads + 1);

    second.trashed = true; // deleted in Linear
    clock.advance(5);
    await h.rapport.runJob('tracker-poll');
    expect((await storedAsk(h, 'ACME-2')).tracker?.issue).toBeNull();
    const [last] = linear.callsTo('RapportIssues').slice(-1);
    expect(JSON.stringify(last?.variables.filter)).not.toContain('"number":{"eq":1}'); // shipped: not read
  });

  it('unlinks the ask when its issue is deleted, telling the vendor side only', async () => {
    const { h, linear } = world;
    await route(h, `enhancement linear ${TEAM} auto`);
    await idea(h, 'SSO', people.alice);
    await linearWebhook(world, removeIssue(linear, issueNumber(world, 1)));
    expect((await storedAsk(h, 'ACME-1')).tracker?.issue).toBeNull();
    expect(twinThread(h, 'ACME-1').at(-1)).toContain(
      'Linear issue ENG-1 was deleted: ACME-1 is no longer linked to it.',
    );
    expect(textsPostedTo(h, channels.shared).join('\n')).not.toContain('deleted');
  });

  it('records the customer as a comment, once, where the plan has no Customers', async () => {
    const { h, linear, clock } = world;
    linear.workspace.customersEnabled = false;
    await route(h, `enhancement linear ${TEAM} auto`);
    await idea(h, 'Bulk export', people.alice);
    const issue = issueNumber(world, 1);
    expect(linear.workspace.needs).toEqual([]);
    expect(issue.comments.map((c) => c.body)).toEqual([
      expect.stringMatching(
        /^\*\*Customer request from Acme Corp:\*\* ACME-1: 1 person wants this\. Slack thread: https:/,
      ),
    ]);
    clock.advance(2);
    await h.rapport.runJob('effects');
    expect(issue.comments).toHaveLength(1);
  });

  it('links an existing issue from its form, and says in the form when the key names no issue', async () => {
    const { h, linear } = world;
    await route(h, `enhancement linear ${TEAM}`);
    await idea(h, 'Bulk export', people.alice);
    linear.workspace.openIssue(TEAM, 'Export everything');
    const before = h.fake.callsTo('views.open').length;
    await clickTwin(h, 'ACME-1', TRACKER_ACTIONS.link);
    const form = await modalOpenedAfter(h, before);
    const submit = (text: string) =>
      h.driver.viewSubmission({
        user: people.bob,
        view: form,
        values: { [LINK_BLOCKS.issue]: { [INPUT]: text } },
      });
    expect((await submit('ENG-99')).body).toEqual({
      response_action: 'errors',
      errors: { [LINK_BLOCKS.issue]: 'There is no issue ENG-99, or Rapport cannot see it.' },
    });
    expect((await submit('acme/app#1')).body).toEqual({
      response_action: 'errors',
      errors: { [LINK_BLOCKS.issue]: 'Give the issue’s address or its key, like `ENG-12`.' },
    });
    await submit('eng-1');
    await h.rapport.settled();
    expect((await storedAsk(h, 'ACME-1')).tracker?.issue?.key).toBe('ENG-1');
    expect(twinThread(h, 'ACME-1').at(-1)).toContain('Linked to Linear issue ENG-1.');
    expect(linear.workspace.needs).toHaveLength(1);
  });

  it('shows Linear’s refusal on the twin in plain words, and creates the issue when sent again once fixed', async () => {
    const { h, linear } = world;
    await route(h, `enhancement linear ${TEAM} Feature`);
    await idea(h, 'Dark mode', people.alice);
    await clickTwin(h, 'ACME-1', TRACKER_ACTIONS.send);
    expect(JSON.stringify(twin(h, 'ACME-1').blocks)).toContain(
      ':warning: *Not sent to the tracker*: Linear team ENG has no label Feature: add it in Linear',
    );
    expect(linear.workspace.issues).toHaveLength(0);

    linear.workspace.teams[0]?.labels.push({ id: 'label-feature', name: 'feature' });
    await clickTwin(h, 'ACME-1', TRACKER_ACTIONS.send);
    expect(linear.workspace.issues.map((i) => [i.title, i.labelIds])).toEqual([
      ['[ACME-1] Dark mode', ['label-feature']],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { ASK_ACTIONS, DETAILS_BLOCKS } from '../../src/slack/asks/ids.js';
import { INPUT } from '../../src/slack/shared/ids.js';
import { LINK_BLOCKS, TRACKER_ACTIONS } from '../../src/slack/trackers/ids.js';
import { issuesEvent } from '../support/fake-github/index.js';
import { buttonValue, modalOpenedAfter, textsPostedTo } from '../support/flows.js';
import {
  card,
  clickTwin,
  expectDueDatePromisedOnClick,
  githubForEachTest,
  idea,
  openLinkForm,
  REPO,
  route,
  storedAsk,
  thread,
  twin,
  twinThread,
  webhook,
} from '../support/github-flows.js';
import { channels, people } from '../support/rapport-harness.js';
import { storeKinds } from '../support/stores.js';

describe.each(storeKinds())('the triage twin of an ask sent to GitHub ($name store)', (kind) => {
  const world = githubForEachTest(kind);

  it('links an existing issue from its form, saying so in the form when the address names no issue', async () => {
    const { h, github } = world;
    await route(h, `enhancement ${REPO}`);
    await idea(h, 'Bulk export', people.alice);
    github.openIssue(REPO, 'Export everything');

    const submit = await openLinkForm(h, 'ACME-1');
    const wrong = await submit('https://github.com/acme/app/issues/99');
    expect(wrong.body).toEqual({
      response_action: 'errors',
      errors: { [LINK_BLOCKS.issue]: 'There is no issue acme/app#99, or Rapport cannot see it.' },
    });
    await submit('acme/app#1');
    await h.rapport.settled();
    expect((await storedAsk(h, 'ACME-1')).tracker?.issue?.key).toBe('acme/app#1');
    expect(twinThread(h, 'ACME-1').at(-1)).toContain('Linked to GitHub issue acme/app#1.');
    const buttons = JSON.stringify(twin(h, 'ACME-1').blocks);
    expect(buttons).not.toContain(TRACKER_ACTIONS.send);
    expect(github.issues(REPO)).toHaveLength(1);
  });

  it('shows a milestone’s due date on the twin, and promises it to the customer only when someone clicks', async () => {
    const { h, github } = world;
    await route(h, `enhancement ${REPO} auto`);
    await idea(h, 'Audit log', people.alice);
    const [issue] = github.issues(REPO);
    if (!issue) throw new Error('no issue');
    issue.milestone = { title: '4.2', due_on: '2026-12-20T08:00:00Z' };
    issue.assignees = [{ login: 'octocat' }];
    await webhook(h, issuesEvent(github, REPO, issue, 'milestoned'));

    await expectDueDatePromisedOnClick(h, '2026-12-20', 'octocat');
    expect(issue.comments.at(-1)?.body).toContain('**Promised to the customer for 2026-12-20.**');
  });

  it('tells the issue of details added and votes, once each, a comment whose answer was lost included', async () => {
    const { h, github, clock } = world;
    await route(h, `enhancement ${REPO} auto`);
    await idea(h, 'Bulk export', people.alice);
    const askCard = card(h, channels.shared, 'ACME-1');
    const before = h.fake.callsTo('views.open').length;
    await h.driver.blockAction({
      user: people.carol,
      channelId: channels.shared,
      message: askCard,
      actions: [{ action_id: ASK_ACTIONS.addDetails, value: buttonValue(askCard, ASK_ACTIONS.addDetails) }],
    });
    const form = await modalOpenedAfter(h, before);
    github.failNext('POST', { loseAnswer: true });
    await h.driver.viewSubmission({
      user: people.carol,
      view: form,
      values: { [DETAILS_BLOCKS.text]: { [INPUT]: 'We need it for @auditors by March' } },
    });
    await h.rapport.settled();
    clock.advance(2);
    await h.rapport.runJob('effects');
    await h.driver.blockAction({
      user: people.dave,
      channelId: channels.shared,
      message: askCard,
      actions: [{ action_id: ASK_ACTIONS.vote, value: buttonValue(askCard, ASK_ACTIONS.vote) }],
    });
    await h.rapport.settled();

    const comments = (github.issues(REPO)[0]?.comments ?? []).map((c) => c.body);
    expect(comments).toHaveLength(2);
    // The lost answer was looked for on the issue before posting again, and found.
    expect(github.callsTo('GET', '/repos/acme/app/issues/1/comments')).toHaveLength(1);
    expect(comments[0]).toContain('Update on ACME-1 from Rapport:');
    expect(comments[0]).toContain(
      '**Details added (customer side):**\n> We need it for @\u200bauditors by March',
    );
    expect(comments[1]).toContain('**2 people at the customer want this now** (+1).');
    expect(comments.join('\n')).not.toContain(people.dave.id);
  });

  it('reaches the same state by polling every TRACKER_POLL_MINUTES, once per round across runs', async () => {
    const { h, github, clock } = world;
    await route(h, `enhancement ${REPO} auto`);
    await idea(h, 'Bulk export', people.alice);
    await idea(h, 'Audit log', people.alice);
    const [first, second] = github.issues(REPO);
    if (!first || !second) throw new Error('no issues');
    first.state = 'closed';
    first.state_reason = 'completed';
    second.milestone = { title: '5.0', due_on: '2027-01-15T00:00:00Z' };

    await h.rapport.runJob('tracker-poll');
    expect((await storedAsk(h, 'ACME-1')).status).toBe('shipped');
    expect(thread(h, channels.shared, 'ACME-1').at(-1)).toContain('Engineering has finished this.');
    expect(JSON.stringify(twin(h, 'ACME-2').blocks)).toContain('Due in the tracker: *2027-01-15*');
    const reads = github.callsTo('GET', '/repos/acme/app/issues/').length;
    await h.rapport.runJob('tracker-poll'); // the same round: already polled
    expect(github.callsTo('GET', '/repos/acme/app/issues/')).toHaveLength(reads);

    github.issues(REPO).splice(1, 1); // deleted in GitHub
    clock.advance(5);
    await h.rapport.runJob('tracker-poll');
    expect((await storedAsk(h, 'ACME-2')).tracker?.issue).toBeNull();
    expect(github.callsTo('GET', '/repos/acme/app/issues/')).toHaveLength(reads + 1); // a shipped ask is not read
  });

  it('unlinks the ask when its issue is deleted, telling the vendor side in the twin and its owner by DM only', async () => {
    const { h, github } = world;
    await route(h, `enhancement ${REPO} auto`);
    await idea(h, 'SSO', people.alice);
    const [issue] = github.issues(REPO);
    if (!issue) throw new Error('no issue');
    await webhook(h, issuesEvent(github, REPO, issue, 'deleted'));

    expect((await storedAsk(h, 'ACME-1')).tracker?.issue).toBeNull();
    expect(twinThread(h, 'ACME-1').at(-1)).toContain(
      'GitHub issue acme/app#1 was deleted: ACME-1 is no longer linked to it.',
    );
    expect(textsPostedTo(h, channels.shared).join('\n')).not.toContain('deleted');
    // Its owner is told privately, once, by DM.
    const dms = h.fake
      .callsTo('chat.postMessage')
      .filter((c) => c.args.channel === people.alice.id && String(c.args.text).includes('was deleted'));
    expect(dms.map((c) => c.args.text)).toEqual([
      'The GitHub issue acme/app#1 was deleted, so *ACME-1* (SSO) is no longer linked to it. Link it again or send it to the tracker again from its triage message.',
    ]);
    expect((await storedAsk(h, 'ACME-1')).tracker?.unlinked).toBeNull();
    await webhook(h, issuesEvent(github, REPO, issue, 'transferred'));
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === people.alice.id)).toHaveLength(
      1,
    );
  });

  it('shows GitHub’s refusal on the twin, and creates the issue when sent again once fixed', async () => {
    const { h, github } = world;
    github.addRepo(REPO, { archived: true });
    await route(h, `enhancement ${REPO}`);
    await idea(h, 'Dark mode', people.alice);
    await clickTwin(h, 'ACME-1', TRACKER_ACTIONS.send);
    expect(JSON.stringify(twin(h, 'ACME-1').blocks)).toContain(
      ':warning: *Not sent to the tracker*: GitHub refused: the token lacks the permission',
    );
    expect(github.issues(REPO)).toHaveLength(0);
    const home = h.fake
      .callsTo('views.publish')
      .filter((c) => c.args.user_id === people.alice.id)
      .at(-1);
    expect(JSON.stringify(home?.args.view)).toContain('*ACME-1* Dark mode');
    expect(JSON.stringify(home?.args.view)).toContain(':warning: not sent to the tracker');

    github.addRepo(REPO);
    await clickTwin(h, 'ACME-1', TRACKER_ACTIONS.send);
    expect(github.issues(REPO).map((i) => i.title)).toEqual(['[ACME-1] Dark mode']);
    expect(JSON.stringify(twin(h, 'ACME-1').blocks)).toContain('acme/app#1');
  });
});

import { describe, expect, it } from 'vitest';
import { INPUT } from '../../src/slack/shared/ids.js';
import { LINK_BLOCKS, TRACKER_ACTIONS } from '../../src/slack/trackers/ids.js';
import { issuesEvent } from '../support/fake-github/index.js';
import { modalOpenedAfter, textsPostedTo } from '../support/flows.js';
import {
  clickTwin,
  githubForEachTest,
  idea,
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

    const before = h.fake.callsTo('views.open').length;
    await clickTwin(h, 'ACME-1', TRACKER_ACTIONS.link);
    const form = await modalOpenedAfter(h, before);
    const wrong = await h.driver.viewSubmission({
      user: people.bob,
      view: form,
      values: { [LINK_BLOCKS.issue]: { [INPUT]: 'https://github.com/acme/app/issues/99' } },
    });
    expect(wrong.body).toEqual({
      response_action: 'errors',
      errors: { [LINK_BLOCKS.issue]: 'There is no issue acme/app#99, or Rapport cannot see it.' },
    });
    await h.driver.viewSubmission({
      user: people.bob,
      view: form,
      values: { [LINK_BLOCKS.issue]: { [INPUT]: 'acme/app#1' } },
    });
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

    const shown = JSON.stringify(twin(h, 'ACME-1').blocks);
    expect(shown).toContain('Due in the tracker: *2026-12-20* (not promised to the customer)');
    expect(shown).toContain('Assigned in the tracker: octocat');
    expect((await storedAsk(h, 'ACME-1')).promisedDate).toBeNull();
    expect(textsPostedTo(h, channels.shared).join('\n')).not.toContain('2026-12-20');

    await clickTwin(h, 'ACME-1', TRACKER_ACTIONS.promise);
    expect((await storedAsk(h, 'ACME-1')).promisedDate).toBe('2026-12-20');
    expect(thread(h, channels.shared, 'ACME-1').at(-1)).toContain('Promised for *2026-12-20*.');
  });

  it('unlinks the ask when its issue is deleted, telling the vendor side only', async () => {
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

    github.addRepo(REPO);
    await clickTwin(h, 'ACME-1', TRACKER_ACTIONS.send);
    expect(github.issues(REPO).map((i) => i.title)).toEqual(['[ACME-1] Dark mode']);
    expect(JSON.stringify(twin(h, 'ACME-1').blocks)).toContain('acme/app#1');
  });
});

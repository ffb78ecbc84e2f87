import { describe, expect, it } from 'vitest';
import { LINK_BLOCKS, TRACKER_ACTIONS } from '../../src/slack/trackers/ids.js';
import { type FakeJiraIssue, issueDeleted, issueUpdated } from '../support/fake-jira/index.js';
import { raiseHelpRequest, textsPostedTo } from '../support/flows.js';
import {
  clickTwin,
  expectDueDatePromisedOnClick,
  idea,
  openLinkForm,
  route,
  storedAsk,
  thread,
  twin,
  twinThread,
} from '../support/github-flows.js';
import { jiraForEachTest, jiraWebhook, PROJECT } from '../support/jira-flows.js';
import { channels, people } from '../support/rapport-harness.js';
import { storeKinds } from '../support/stores.js';

describe.each(storeKinds())('the triage twin of an ask sent to Jira ($name store)', (kind) => {
  const world = jiraForEachTest(kind);
  const issue = (index: number): FakeJiraIssue => {
    const found = world.jira.issues(PROJECT)[index];
    if (!found) throw new Error(`no issue ${index} in Jira`);
    return found;
  };

  it('links an existing issue by its key from the form, saying so in the form when the key names no issue', async () => {
    const { h, jira } = world;
    await route(h, `enhancement ${PROJECT}`);
    await idea(h, 'Bulk export', people.alice);
    jira.openIssue(PROJECT, 'Export everything');

    const submit = await openLinkForm(h, 'ACME-1');
    const wrong = await submit('OPS-99');
    expect(wrong.body).toEqual({
      response_action: 'errors',
      errors: { [LINK_BLOCKS.issue]: 'There is no issue OPS-99, or Rapport cannot see it.' },
    });
    await submit('ops-1');
    await h.rapport.settled();
    expect((await storedAsk(h, 'ACME-1')).tracker?.issue?.key).toBe('OPS-1');
    expect(twinThread(h, 'ACME-1').at(-1)).toContain('Linked to Jira issue OPS-1.');
    expect(jira.issues(PROJECT)).toHaveLength(1);
  });

  it('files help requests as their own issue type, and shows Jira’s refusal on the twin until it is fixed', async () => {
    const { h, jira } = world;
    jira.addProject(PROJECT, ['Story']); // no Task in this project
    await route(h, `help ${PROJECT} auto`);
    await raiseHelpRequest(h, people.alice, 'Export fails', 'high');
    expect(JSON.stringify(twin(h, 'ACME-1').blocks)).toContain(
      ':warning: *Not sent to the tracker*: Jira refused the request for project OPS. Jira said: issuetype: Specify a valid issue type',
    );
    expect(jira.issues(PROJECT)).toHaveLength(0);

    jira.addProject(PROJECT);
    await clickTwin(h, 'ACME-1', TRACKER_ACTIONS.send);
    expect(issue(0)).toMatchObject({ summary: '[ACME-1] Export fails', issuetype: 'Task' });
    expect(JSON.stringify(twin(h, 'ACME-1').blocks)).toContain('OPS-1');
  });

  it('shows a due date and the assignee on the twin, promising the date only when someone clicks', async () => {
    const { h, jira } = world;
    await route(h, `enhancement ${PROJECT} auto`);
    await idea(h, 'Audit log', people.alice);
    const sent = issue(0);
    sent.duedate = '2026-12-20';
    sent.assignee = { accountId: '557058:abc', displayName: 'Priya Engineer' };
    await jiraWebhook(
      h,
      issueUpdated(jira, sent, [
        { field: 'duedate', fieldId: 'duedate', fromString: null, toString: '2026-12-20' },
        { field: 'assignee', fieldId: 'assignee', fromString: null, toString: 'Priya Engineer' },
      ]),
    );

    await expectDueDatePromisedOnClick(h, '2026-12-20', 'Priya Engineer');
    const comment = sent.comments.at(-1);
    expect(JSON.stringify(comment?.body)).toContain('Promised to the customer for 2026-12-20.');
    expect(comment?.properties[0]?.key).toBe('rapport');
  });

  it('reaches the same state by polling: one JQL search per batch, each key read alone once one is gone', async () => {
    const { h, jira, clock } = world;
    await route(h, `enhancement ${PROJECT} auto`);
    await idea(h, 'Bulk export', people.alice);
    await idea(h, 'Audit log', people.alice);
    await idea(h, 'Dark mode', people.alice);
    jira.transition(issue(0), 'done', 'Done');
    issue(1).fixVersions = [{ name: '5.0', releaseDate: '2027-01-15' }];
    jira.transition(issue(2), 'done', "Won't Do");

    await h.rapport.runJob('tracker-poll');
    expect(jira.callsTo('POST', '/rest/api/3/search/jql').map((c) => c.body?.jql)).toEqual([
      'key in (OPS-1, OPS-2, OPS-3)',
    ]);
    expect((await storedAsk(h, 'ACME-1')).status).toBe('shipped');
    expect(thread(h, channels.shared, 'ACME-1').at(-1)).toContain('Engineering has finished this.');
    expect(JSON.stringify(twin(h, 'ACME-2').blocks)).toContain('Due in the tracker: *2027-01-15*');
    expect(thread(h, channels.shared, 'ACME-3').at(-1)).toContain(
      "Engineering has decided not to do this: the issue was resolved as Won't Do.",
    );

    jira.remove('OPS-2'); // deleted in Jira
    clock.advance(5);
    await h.rapport.runJob('tracker-poll');
    expect((await storedAsk(h, 'ACME-2')).tracker?.issue).toBeNull();
    expect(jira.callsTo('POST', '/rest/api/3/search/jql').at(-1)?.body?.jql).toBe('key in (OPS-2)');
    expect(jira.callsTo('GET', '/rest/api/3/issue/OPS-2')).toHaveLength(1);
  });

  it('unlinks the ask when its issue is deleted or moved to another project, telling the vendor side only', async () => {
    const { h, jira } = world;
    await route(h, `enhancement ${PROJECT} auto`);
    await idea(h, 'SSO', people.alice);
    await idea(h, 'SCIM', people.alice);
    await jiraWebhook(h, issueDeleted(jira, issue(0)));
    const moving = issue(0); // OPS-2, now first
    moving.key = 'PLAT-7';
    await jiraWebhook(
      h,
      issueUpdated(jira, moving, [
        { field: 'Key', fieldId: 'issuekey', fromString: 'OPS-2', toString: 'PLAT-7' },
        { field: 'project', fieldId: 'project', fromString: 'Operations', toString: 'Platform' },
      ]),
    );

    expect((await storedAsk(h, 'ACME-1')).tracker?.issue).toBeNull();
    expect(twinThread(h, 'ACME-1').at(-1)).toContain(
      'Jira issue OPS-1 was deleted: ACME-1 is no longer linked to it.',
    );
    expect((await storedAsk(h, 'ACME-2')).tracker?.issue).toBeNull();
    expect(twinThread(h, 'ACME-2').at(-1)).toContain(
      'Jira issue OPS-2 was transferred: ACME-2 is no longer linked to it.',
    );
    const shared = textsPostedTo(h, channels.shared).join('\n');
    expect(shared).not.toContain('deleted');
    expect(shared).not.toContain('transferred');
  });
});

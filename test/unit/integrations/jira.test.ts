import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issueStatus, type StatusMap } from '../../../src/domain/trackers/status-mapping.js';
import { TrackerRefusal, TrackerUnavailable } from '../../../src/domain/trackers/tracker.js';
import { plainText, toAdf } from '../../../src/integrations/jira/jira-adf.js';
import { jiraConnector } from '../../../src/integrations/jira/jira-connector.js';
import { classifyJiraFailure } from '../../../src/integrations/jira/jira-failure.js';
import { jiraFacts } from '../../../src/integrations/jira/jira-issue.js';
import { parseJiraKey, parseJiraProject } from '../../../src/integrations/jira/jira-key.js';
import { JIRA_STATES, jiraState } from '../../../src/integrations/jira/jira-states.js';
import { FakeJira, JIRA_API_TOKEN, JIRA_EMAIL } from '../../support/fake-jira/index.js';

/** A failure as jira.js throws it: an HttpException with Jira's body and the Axios answer as its cause. */
const httpFailure = (status: number, data: unknown, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`Request failed with status code ${status}`), {
    status,
    response: { data, status },
    cause: { response: { headers } },
  });

const create = { permission: 'Create issues', about: 'project OPS' };

describe('Jira', () => {
  it('reads issue keys and the site’s issue addresses, upper-cased, and nothing else', () => {
    const site = 'acme.atlassian.net';
    expect(parseJiraKey('OPS-42', site)).toBe('OPS-42');
    expect(parseJiraKey('ops-42', site)).toBe('OPS-42');
    expect(parseJiraKey('https://acme.atlassian.net/browse/OPS-42', site)).toBe('OPS-42');
    expect(
      parseJiraKey(
        'https://acme.atlassian.net/jira/software/projects/OPS/boards/1?selectedIssue=OPS-7',
        site,
      ),
    ).toBe('OPS-7');
    for (const text of [
      'https://evil.example.com/browse/OPS-42',
      'https://acme.atlassian.net/browse/OPS',
      'acme/app#12',
      'OPS-',
      'javascript:alert(1)',
    ]) {
      expect(parseJiraKey(text, site), text).toBeNull();
    }
    expect(parseJiraProject('OPS')).toBe('OPS');
    expect(parseJiraProject('ops')).toBeNull();
    expect(parseJiraProject('acme/app')).toBeNull();
  });

  it('maps status categories to phases, and declining resolutions to a decline that names them', () => {
    const status = (category: string, resolution: string | null, overrides: StatusMap = {}) =>
      issueStatus(JIRA_STATES, overrides, jiraState(category, resolution));
    expect(status('new', null)).toEqual({ phase: 'open', label: 'to do' });
    expect(status('indeterminate', null)).toEqual({ phase: 'started', label: 'in progress' });
    expect(status('done', 'Done')).toEqual({ phase: 'completed', label: 'done' });
    expect(status('done', "won't fix")).toEqual({ phase: 'declined', label: "resolved as Won't Fix" });
    expect(status('done', 'Cannot Reproduce')).toEqual({
      phase: 'declined',
      label: 'resolved as Cannot Reproduce',
    });
    expect(status('done', 'Duplicate')?.phase).toBe('declined');
    expect(status('undefined', null)?.phase).toBe('open');
    // A workspace's mapping: a duplicate moves nothing, Won't Do is finished work.
    expect(status('done', 'Duplicate', { Duplicate: null })).toBeNull();
    expect(status('done', "Won't Do", { "Won't Do": 'completed' })?.phase).toBe('completed');
  });

  it('shows the due date, else the earliest fix version release, and the assignee; nothing else', () => {
    const versions = [
      { name: '5.0', releaseDate: '2027-02-01' },
      { name: '4.2', releaseDate: '2027-01-15' },
      { name: 'later', releaseDate: null },
    ];
    expect(jiraFacts({ duedate: null, fixVersions: versions, assignee: { displayName: 'Priya' } })).toEqual({
      due: '2027-01-15',
      assignees: ['Priya'],
    });
    expect(jiraFacts({ duedate: '2026-12-20', fixVersions: versions, assignee: null })).toEqual({
      due: '2026-12-20',
      assignees: [],
    });
  });

  it('retries rate limits and server trouble after Jira’s Retry-After, and refuses the rest in plain words', () => {
    const limited = classifyJiraFailure(httpFailure(429, {}, { 'retry-after': '30' }), create);
    expect(limited).toBeInstanceOf(TrackerUnavailable);
    expect((limited as TrackerUnavailable).retryAfterMs).toBe(30_000);
    expect(classifyJiraFailure(httpFailure(503, {}), create)).toBeInstanceOf(TrackerUnavailable);
    expect(classifyJiraFailure(new Error('connect ECONNREFUSED'), create)).toBeInstanceOf(TrackerUnavailable);

    const denied = classifyJiraFailure(httpFailure(403, { errorMessages: [], errors: {} }), create);
    expect(denied).toBeInstanceOf(TrackerRefusal);
    expect(denied.message).toBe(
      'Jira refused: the account lacks the permission "Create issues" in project OPS.',
    );
    expect(classifyJiraFailure(httpFailure(401, {}), create).message).toContain(
      'check JIRA_EMAIL and JIRA_API_TOKEN',
    );
    expect(classifyJiraFailure(httpFailure(404, {}), create).message).toContain('Jira has no project OPS');
    const invalid = classifyJiraFailure(
      httpFailure(400, { errorMessages: [], errors: { issuetype: 'Specify a valid issue type' } }),
      create,
    );
    expect(invalid.message).toBe(
      'Jira refused the request for project OPS. Jira said: issuetype: Specify a valid issue type',
    );
  });

  it('writes Rapport’s Markdown as a document, and reads a comment back as text, sent either way', () => {
    const doc = toAdf(
      '### Details\nLine one\nline two\n\n- **Customer:** Acme\n- **Slack thread:** https://x.slack.com/t',
    );
    expect(doc).toEqual({
      type: 'doc',
      version: 1,
      content: [
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Details' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Line one' },
            { type: 'hardBreak' },
            { type: 'text', text: 'line two' },
          ],
        },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [
                {
                  type: 'paragraph',
                  content: [
                    { type: 'text', text: 'Customer:', marks: [{ type: 'strong' }] },
                    { type: 'text', text: ' Acme' },
                  ],
                },
              ],
            },
            {
              type: 'listItem',
              content: [
                {
                  type: 'paragraph',
                  content: [
                    { type: 'text', text: 'Slack thread:', marks: [{ type: 'strong' }] },
                    { type: 'text', text: ' ' },
                    {
                      type: 'text',
                      text: 'https://x.slack.com/t',
                      marks: [{ type: 'link', attrs: { href: 'https://x.slack.com/t' } }],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
    expect(plainText('customer: ready')).toBe('customer: ready');
    expect(plainText(toAdf('customer: ready\nnext week\n\nthanks'))).toBe(
      'customer: ready\nnext week\nthanks',
    );
    expect(plainText(42)).toBe('');
  });

  describe('connecting from Slack, checked over HTTP', () => {
    let jira: FakeJira;
    beforeEach(async () => {
      jira = await FakeJira.start();
    });
    afterEach(() => jira.stop());
    const verify = (settings: Record<string, string>) =>
      jiraConnector().verify({
        baseUrl: jira.baseUrl,
        email: JIRA_EMAIL,
        apiToken: JIRA_API_TOKEN,
        ...settings,
      });

    it('asks Jira who the email and API token are, and blames a refusal on the token, silence on the site', async () => {
      expect(await verify({})).toEqual({ ok: true, account: 'Rapport Bot' });
      expect(jira.callsTo('GET', '/rest/api/3/myself')).toHaveLength(1);
      expect(await verify({ apiToken: 'ATATT3x-wrong' })).toEqual({
        ok: false,
        field: 'apiToken',
        message: expect.stringContaining('Jira refused the email and API token (bad credentials)'),
      });
      expect(await verify({ baseUrl: 'http://127.0.0.1:9' })).toEqual({
        ok: false,
        field: 'baseUrl',
        message: expect.stringContaining('Jira could not be reached at this address'),
      });
    });
  });
});

import type { KnownBlock } from '@slack/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AskStatus } from '../../../src/domain/asks/ask.js';
import type {
  CustomerDigest,
  DigestAsk,
  InternalDigest,
} from '../../../src/domain/digests/digest-content.js';
import { validateMessage } from '../../../src/playground/slack-simulator/index.js';
import { buildCustomerDigestMessage } from '../../../src/slack/digests/customer-digest-message.js';
import { LIST_LINE_CAP } from '../../../src/slack/digests/digest-lines.js';
import { DIGEST_ACTIONS } from '../../../src/slack/digests/ids.js';
import { buildInternalDigestMessage } from '../../../src/slack/digests/internal-digest-message.js';
import { WELCOME_ACTIONS } from '../../../src/slack/setup/ids.js';
import type { MessageContent } from '../../../src/slack/shared/blocks.js';
import { anApproval } from '../../support/approval-fixture.js';
import { hostileText, mrkdwnTexts } from '../../support/hostile-text.js';

const NOW = new Date('2026-11-23T10:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
const period = { start: hoursAgo(7 * 24), end: NOW, first: false };

let n = 0;
function anAsk(overrides: Partial<DigestAsk> = {}): DigestAsk {
  n += 1;
  return {
    id: `ask-${n}`,
    ref: `ACME-${n}`,
    title: 'Export fails',
    kind: 'help',
    status: 'open',
    ownerId: 'UVENDOR1',
    requesterId: 'UCUST1',
    createdAt: hoursAgo(24),
    card: null,
    promisedDate: null,
    overdueSince: null,
    ...overrides,
  };
}

function aCustomerDigest(overrides: Partial<CustomerDigest> = {}): CustomerDigest {
  return {
    accountName: 'Acme Corp',
    channelId: 'CACME0001',
    timeZone: 'Europe/Paris',
    period,
    newAsks: [],
    resolved: [],
    shipped: [],
    statusChanges: [],
    open: [],
    promises: { upcoming: [], kept: [], missed: [] },
    firstResponse: { medianMinutes: null, count: 0 },
    signOffs: { waiting: [], atLeast: false },
    incidents: [],
    announcements: [],
    ...overrides,
  };
}

function anInternalDigest(overrides: Partial<InternalDigest> = {}): InternalDigest {
  return {
    accountName: 'Acme Corp',
    channelId: 'CACME0001',
    ownerId: 'UVENDOR1',
    period,
    overdue: [],
    unanswered: [],
    risks: [],
    nags: { reminded: 0, escalated: 0, snoozes: [] },
    incidents: [],
    announcements: [],
    failedDigests: [],
    skippedSlots: [],
    ...overrides,
  };
}

/** Each block as a reader sees it: its text, or the action ids (and values) of its buttons. */
const shown = (m: MessageContent): string[] =>
  m.blocks.map((b: KnownBlock) => {
    if (b.type === 'actions')
      return `[${b.elements.map((e) => ('value' in e && e.value ? `${e.action_id}=${e.value}` : e.action_id)).join(' ')}]`;
    if (b.type === 'context') return (b.elements[0] as { text: string }).text;
    return b.type === 'section' || b.type === 'header' ? (b.text?.text ?? '') : `[${b.type}]`;
  });

/** Every list says how many it holds; what it shows plus its '…and N more' must add up to that. */
function expectExactCounts(m: MessageContent): void {
  for (const text of shown(m)) {
    const total = text.match(/^\*[^\n]+ \((\d+)\)\*/)?.[1];
    if (total === undefined) continue;
    const lines = text.split('\n').filter((l) => l.startsWith('• ')).length;
    const hidden = Number(text.match(/\n…and (\d+) more/)?.[1] ?? 0);
    expect(lines).toBeLessThanOrEqual(LIST_LINE_CAP);
    expect(lines + hidden).toBe(Number(total));
  }
}

/** What the builders add on purpose: people and channels from id fields, and Slack's date token. */
const OURS = /<@U[A-Z0-9]+>|<#C[A-Z0-9]+>|<!date\^\d+\^[^|>]*\|[^>]*>/g;
const PINGS = /<[!@#]|<https?:|(^|[^\u2060])@(channel|here|everyone)/i;

/** The fallback text and every mrkdwn text: the strings Slack parses for mentions. */
function expectNoPings(m: MessageContent): void {
  const parsed = [m.text];
  JSON.stringify(m.blocks, (_key, value) => {
    if (value?.type === 'mrkdwn') parsed.push(value.text);
    return value;
  });
  for (const text of parsed) expect(text.replace(OURS, '')).not.toMatch(PINGS);
}

describe('the customer status digest', () => {
  const overdueAsk = anAsk({
    ref: 'ACME-11',
    title: 'SSO login loops',
    status: 'in_progress',
    createdAt: hoursAgo(72),
    overdueSince: hoursAgo(2),
  });
  const planned = anAsk({
    ref: 'ACME-15',
    title: 'Parquet export',
    kind: 'enhancement',
    status: 'planned',
    promisedDate: '2026-12-01',
  });
  const waiting = anAsk({ ref: 'ACME-12', title: 'Need a HAR file', status: 'waiting_on_customer' });
  const realistic = aCustomerDigest({
    newAsks: [planned, anAsk({ ref: 'ACME-14', title: 'Webhook retries' })],
    resolved: [anAsk({ ref: 'ACME-9', title: 'CSV export times out', status: 'resolved' })],
    shipped: [anAsk({ ref: 'ACME-4', title: 'Dark mode', kind: 'enhancement', status: 'shipped' })],
    statusChanges: [
      { ask: overdueAsk, from: 'open', to: 'in_progress', at: hoursAgo(50) },
      { ask: waiting, from: 'in_progress', to: 'waiting_on_customer', at: hoursAgo(5) },
    ],
    open: [
      { status: 'in_progress', asks: [overdueAsk, anAsk({ ref: 'ACME-14', title: 'Webhook retries' })] },
      { status: 'waiting_on_customer', asks: [waiting] },
      { status: 'planned', asks: [planned] },
    ],
    promises: {
      upcoming: [planned],
      kept: [anAsk({ ref: 'ACME-9', title: 'CSV export times out', promisedDate: '2026-11-20' })],
      missed: [anAsk({ ref: 'ACME-7', title: 'Audit log', promisedDate: '2026-11-18' })],
    },
    firstResponse: { medianMinutes: 95, count: 4 },
  });

  it('reports the period, what is open now (overdue plainly), promises and the median first response', () => {
    const message = buildCustomerDigestMessage(realistic, NOW);
    expect(message.text).toBe(
      'Status digest for Acme Corp: 2 new, 1 resolved, 1 shipped, 4 open (1 overdue)',
    );
    expect(validateMessage(message)).toEqual([]);
    const texts = shown(message);
    expect(texts).toContain(
      '*In progress (2)*\n• *ACME-11* SSO login loops · <@UVENDOR1> · open 3 d · *overdue by 2 h*\n' +
        '• *ACME-14* Webhook retries · <@UVENDOR1> · open 1 d',
    );
    expect(texts).toContain('*You asked, we shipped (1)*\n• *ACME-4* Dark mode');
    expect(texts).toContain(
      '*Promises missed (1)*\n• *ACME-7* Audit log · promised for 2026-11-18 · *missed*',
    );
    expect(texts.at(-2)).toBe(
      '*Median first response:* 1 business hour 35 min (business hours), over 4 asks answered in this period.',
    );
    expect(texts.at(-1)).toBe(
      `[${WELCOME_ACTIONS.askForHelp} ${WELCOME_ACTIONS.suggestImprovement} ${WELCOME_ACTIONS.seeOpenAsks}]`,
    );
    expect(message.blocks.at(-1)).toMatchObject({ elements: [{ style: 'primary' }, {}, {}] });
    expect(texts.join('\n---\n')).toMatchInlineSnapshot(`
      "Status digest · Acme Corp
      ---
      Since <!date^1794823200^{date_short_pretty} at {time}|2026-11-16 10:00 UTC> · 4 open asks · *1 overdue*
      ---
      *Since the last digest*
      ---
      *New asks (2)*
      • *ACME-15* Parquet export
      • *ACME-14* Webhook retries
      ---
      *Resolved (1)*
      • *ACME-9* CSV export times out
      ---
      *You asked, we shipped (1)*
      • *ACME-4* Dark mode
      ---
      *Status changes (2)*
      • *ACME-11* SSO login loops: Open → In progress
      • *ACME-12* Need a HAR file: In progress → Waiting on customer
      ---
      [divider]
      ---
      *Now*
      ---
      *In progress (2)*
      • *ACME-11* SSO login loops · <@UVENDOR1> · open 3 d · *overdue by 2 h*
      • *ACME-14* Webhook retries · <@UVENDOR1> · open 1 d
      ---
      *Waiting on customer (1)*
      • *ACME-12* Need a HAR file · <@UVENDOR1> · open 1 d
      ---
      *Planned (1)*
      • *ACME-15* Parquet export · <@UVENDOR1> · open 1 d
      ---
      [divider]
      ---
      *Promises*
      ---
      *Promised dates ahead (1)*
      • *ACME-15* Parquet export · promised for 2026-12-01
      ---
      *Promises kept (1)*
      • *ACME-9* CSV export times out · promised for 2026-11-20
      ---
      *Promises missed (1)*
      • *ACME-7* Audit log · promised for 2026-11-18 · *missed*
      ---
      *Median first response:* 1 business hour 35 min (business hours), over 4 asks answered in this period.
      ---
      [welcome.ask_for_help welcome.suggest_improvement welcome.see_open_asks]"
    `);
  });

  it('says honestly when nothing happened, and still offers the buttons', () => {
    const message = buildCustomerDigestMessage(aCustomerDigest(), NOW);
    expect(message.text).toBe('Status digest for Acme Corp: 0 new, 0 resolved, 0 open (0 overdue)');
    expect(shown(message).slice(1)).toEqual([
      expect.stringMatching(/^Since <!date\^\d+\^[^>]+> · 0 open asks$/),
      '*Since the last digest*',
      'No activity: no new asks, nothing resolved or shipped, and no status changes.',
      '[divider]',
      '*Now*\nNo open asks.',
      '*First response:* no first responses in this period.',
      `[${WELCOME_ACTIONS.askForHelp} ${WELCOME_ACTIONS.suggestImprovement} ${WELCOME_ACTIONS.seeOpenAsks}]`,
    ]);
  });

  it('escapes user text so it cannot ping, mention or fake a line', () => {
    const hostile = anAsk({ ref: 'ACME-1', title: '<!channel> @here hi <@U123>\n• *ACME-2* fake' });
    const message = buildCustomerDigestMessage(
      aCustomerDigest({ accountName: 'Acme <!here>', newAsks: [hostile] }),
      NOW,
    );
    expect(shown(message)).toContain(
      '*New asks (1)*\n• *ACME-1* &lt;!channel&gt; @\u2060here hi &lt;@U123&gt; • *ACME-2* fake',
    );
    expect(message.text).toMatch(/^Status digest for Acme &lt;!here&gt;: 1 new/);
    expectNoPings(message);
  });

  it('in preview, adds the note and offers Post now and Edit schedule instead of the ask buttons', () => {
    const note = 'Preview: posts Monday 09:00 in <#CACME0001> <!channel>';
    const message = buildCustomerDigestMessage(realistic, NOW, { note, partnershipId: 'p-acme' });
    expect(shown(message).slice(-2)).toEqual([
      'Preview: posts Monday 09:00 in &lt;#CACME0001&gt; &lt;!channel&gt;',
      `[${DIGEST_ACTIONS.postNow}=p-acme ${DIGEST_ACTIONS.editSchedule}=p-acme]`,
    ]);
    expect(JSON.stringify(message.blocks)).not.toContain(WELCOME_ACTIONS.askForHelp);
    expect(message.blocks.at(-1)).toMatchObject({ elements: [{ style: 'primary' }, {}] });
  });

  it('fits any amount of data in 50 blocks, with exact counts of what is left out', () => {
    const huge = `${'🙂'.repeat(1200)}<!channel>${'é'.repeat(2600)}`;
    const statuses: AskStatus[] = ['open', 'acknowledged', 'in_progress', 'waiting_on_customer', 'planned'];
    const many = (count: number, extra: Partial<DigestAsk> = {}) =>
      Array.from({ length: count }, (_, i) =>
        anAsk({ title: huge, promisedDate: '2026-12-01', ...extra, ref: `ACME-${i}` }),
      );
    const open = statuses.map((status, i) => ({
      status,
      asks: many(1000, { status, overdueSince: i % 2 === 0 ? hoursAgo(3) : null }),
    }));
    const message = buildCustomerDigestMessage(
      aCustomerDigest({
        accountName: huge,
        newAsks: many(3000),
        resolved: many(2000),
        shipped: many(700),
        statusChanges: many(2000).map((ask) => ({ ask, from: 'open', to: 'in_progress', at: hoursAgo(1) })),
        // The same status twice still makes one list.
        open: [...open, { status: 'open', asks: many(10) }],
        promises: { upcoming: many(400), kept: many(400), missed: many(400) },
        firstResponse: { medianMinutes: 480, count: 10_000 },
        announcements: Array.from({ length: 300 }, (_, i) => ({ title: huge, at: hoursAgo(i) })),
        signOffs: {
          waiting: Array.from({ length: 500 }, (_, i) => ({
            approval: anApproval({ id: `a-${i}`, title: huge }),
            waitingOn: [{ approverId: 'UC1', backupId: 'UBACK' }],
          })),
          atLeast: false,
        },
      }),
      NOW,
    );
    expect(validateMessage(message)).toEqual([]);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expectExactCounts(message);
    expectNoPings(message);
    // JSON.stringify writes a lone surrogate as an escape: none means no emoji was cut in half.
    expect(JSON.stringify(message)).not.toMatch(/\\ud[89a-f]/i);
    const texts = shown(message);
    expect(texts[1]).toMatch(/ · 5010 open asks · \*3000 overdue\*$/);
    expect(texts.find((t) => t.startsWith('*Open (1010)*'))).toMatch(
      new RegExp(
        `\\n…and ${1010 - LIST_LINE_CAP} more \\(${1000 - LIST_LINE_CAP} overdue\\): press See open asks$`,
      ),
    );
    expect(texts).toContain(
      '*Median first response:* 8 business hours (business hours), over 10000 asks answered in this period.',
    );
  });
});

describe('the customer status digest: approvals waiting', () => {
  const VENDOR = { userId: 'UV1', teamId: 'TV', side: 'vendor' as const };
  const goLive = anApproval({
    id: 'go-live',
    title: 'Go live on 1 June',
    rule: { kind: 'at_least', n: 2 },
    dueAt: hoursAgo(-5),
    card: { channelId: 'CACME0001', ts: '1700000000.000100' },
    decisions: [{ approverId: 'UV1', by: VENDOR, verdict: 'approved', comment: null, at: hoursAgo(1) }],
    escalated: ['UC1'],
  });
  const budget = anApproval({ id: 'budget', title: 'Budget 2027', dueAt: hoursAgo(3), card: null });
  const signOffs = (
    ...items: { approval: typeof goLive; waitingOn: { approverId: string; backupId: string | null }[] }[]
  ) => ({ signOffs: { waiting: items, atLeast: false } });
  const realistic = aCustomerDigest({
    open: [{ status: 'open', asks: [anAsk({ ref: 'ACME-3', title: 'Webhook retries' })] }],
    ...signOffs(
      {
        approval: goLive,
        waitingOn: [
          { approverId: 'UC1', backupId: 'UBACK' },
          { approverId: 'UC2', backupId: null },
        ],
      },
      { approval: budget, waitingOn: [{ approverId: 'UV1', backupId: null }] },
    ),
  });

  it('lists each one with its card, due time, progress and who it waits on, after what is open', () => {
    const message = buildCustomerDigestMessage(realistic, NOW);
    expect(validateMessage(message)).toEqual([]);
    expect(message.text).toBe(
      'Status digest for Acme Corp: 0 new, 0 resolved, 1 open (0 overdue), 2 approvals waiting',
    );
    const texts = shown(message);
    const list = texts.find((t) => t.startsWith('*Approvals waiting'));
    expect(list?.split('\n')).toEqual([
      '*Approvals waiting (2)*',
      '• Go live on 1 June · card in <#CACME0001> · due in 5 h (<!date^1795446000^{date_short_pretty} at {time}|2026-11-23 15:00 UTC>) · ' +
        '2 of 3 approvals needed: 1 so far · waiting on <@UBACK> (for <@UC1>) and <@UC2>',
      '• Budget 2027 · *overdue by 3 h* (was due <!date^1795417200^{date_short_pretty} at {time}|2026-11-23 07:00 UTC>) · ' +
        'All 3 must approve: 0 so far · waiting on <@UV1>',
    ]);
    // After the open asks, set apart by a divider, before the first response line.
    const at = texts.indexOf(list as string);
    expect(texts[at - 1]).toBe('[divider]');
    expect(texts[at - 2]).toMatch(/^\*Open \(1\)\*/);
    expect(texts[at + 1]).toMatch(/^\*First response:\*/);
  });

  it('is left out when nothing waits for an approval', () => {
    const message = buildCustomerDigestMessage(aCustomerDigest(), NOW);
    expect(JSON.stringify(message)).not.toContain('Approval');
    expect(message.text).not.toContain('approval');
  });

  it('escapes a hostile title so it cannot ping, mention, link or fake a line', () => {
    const hostile = anApproval({
      title: '<!channel> @here ok? <@U0EVIL> <https://evil.example|click>\n• fake line',
      dueAt: hoursAgo(-5),
      card: null,
    });
    const message = buildCustomerDigestMessage(
      aCustomerDigest(signOffs({ approval: hostile, waitingOn: [{ approverId: 'UC2', backupId: null }] })),
      NOW,
    );
    expect(shown(message).find((t) => t.startsWith('*Approvals'))).toMatch(
      /^\*Approvals waiting \(1\)\*\n• &lt;!channel&gt; @\u2060here ok\? &lt;@U0EVIL&gt; &lt;https:\/\/evil\.example\|click&gt; • fake line · due in/,
    );
    expectNoPings(message);
  });

  it('never lets any title ping anyone (property)', () => {
    fc.assert(
      fc.property(hostileText(30), (title) => {
        const message = buildCustomerDigestMessage(
          aCustomerDigest(signOffs({ approval: anApproval({ title }), waitingOn: [] })),
          NOW,
        );
        expect(validateMessage(message)).toEqual([]);
        for (const text of mrkdwnTexts(message)) expect(text.replace(OURS, '')).not.toMatch(PINGS);
      }),
      { numRuns: 200 },
    );
  });

  it('caps the list and the people named per line, counting what is left out, in any amount', () => {
    const approvers = Array.from({ length: 20 }, (_, i) => ({
      approverId: `UAPPROVER${String(i).padStart(2, '0')}`,
      backupId: i % 2 ? `UBACKUP0${String(i).padStart(2, '0')}` : null,
    }));
    const many = Array.from({ length: 40 }, (_, i) => ({
      approval: anApproval({ id: `a-${i}`, title: `${'<!here>'.repeat(40)} ${i}` }),
      waitingOn: approvers,
    }));
    for (const atLeast of [false, true]) {
      const message = buildCustomerDigestMessage(
        aCustomerDigest({ signOffs: { waiting: many, atLeast } }),
        NOW,
      );
      expect(validateMessage(message)).toEqual([]);
      expectNoPings(message);
      const list = shown(message).find((t) => t.startsWith('*Approvals')) as string;
      const lines = list.split('\n').filter((l) => l.startsWith('• '));
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.length).toBeLessThanOrEqual(LIST_LINE_CAP);
      expect(lines[0]).toMatch(/ and 15 more$/);
      expect(lines[0]?.match(/<@U/g)).toHaveLength(5 + 2); // five seats named, two of them through a backup
      const plus = atLeast ? '\\+' : '';
      expect(list).toMatch(new RegExp(`^\\*Approvals waiting \\(40${plus}\\)\\*`));
      expect(list).toMatch(new RegExp(`\\n…and ${40 - lines.length}${plus} more$`));
      if (!atLeast) expectExactCounts(message);
    }
  });
});

describe('the internal digest', () => {
  it('lists overdue items, unanswered messages, every kind of risk, reminders and unposted digests', () => {
    const message = buildInternalDigestMessage(
      anInternalDigest({
        overdue: [
          {
            subject: 'ask',
            ref: 'ACME-11',
            label: 'SSO login loops',
            ownerId: 'UVENDOR1',
            dueAt: hoursAgo(5),
            link: null,
          },
          {
            subject: 'message',
            ref: null,
            label: 'Is the API down?',
            ownerId: 'UVENDOR2',
            dueAt: hoursAgo(2),
            link: { channelId: 'CACME0001', ts: '1.1' },
          },
        ],
        unanswered: [
          {
            authorId: 'UCUST1',
            preview: 'Any news on\nthe export?',
            postedAt: hoursAgo(26),
            ownerId: 'UVENDOR1',
            link: { channelId: 'CACME0001', ts: '2.2' },
          },
        ],
        risks: [
          { kind: 'sla_breaches', count: 3 },
          { kind: 'ratings_dropping', previous: { good: 8, total: 10 }, current: { good: 2, total: 4 } },
          { kind: 'single_threaded', userId: 'UCUST1' },
          {
            kind: 'contact_left',
            departure: {
              userId: 'UCUST2',
              role: 'champion',
              customRole: null,
              goneAt: hoursAgo(30),
              reason: 'left',
              highRisk: true,
            },
          },
          {
            kind: 'contact_left',
            departure: {
              userId: 'UCUST3',
              role: null,
              customRole: 'Procurement <!channel>',
              goneAt: hoursAgo(3),
              reason: 'deactivated',
              highRisk: false,
            },
          },
          { kind: 'quiet_customer', lastMessageAt: hoursAgo(24 * 21), days: 21 },
          { kind: 'quiet_customer', lastMessageAt: null, days: 0 },
        ],
        nags: {
          reminded: 4,
          escalated: 1,
          snoozes: [
            { label: 'ACME-12 Need a HAR file', by: 'UVENDOR2', until: hoursAgo(-48), reason: 'on leave' },
          ],
        },
        failedDigests: [{ slot: hoursAgo(48), error: 'invalid_blocks `x`' }],
        skippedSlots: [hoursAgo(24 * 6)],
      }),
      NOW,
    );
    expect(validateMessage(message)).toEqual([]);
    expect(message.text).toBe(
      'Internal digest for Acme Corp: 2 overdue, 1 unanswered message, 7 risks, 2 digests not posted',
    );
    const [top, period, overdue, unanswered, risks, reminders, notPosted] = shown(message);
    expect(top).toBe('Internal digest · Acme Corp');
    expect(period).toMatch(/^Since <!date\^[^>]+> · for <#CACME0001> · owner <@UVENDOR1>$/);
    expect(overdue).toMatch(
      /^\*Overdue \(2\)\*\n• \*ACME-11\* SSO login loops · <@UVENDOR1> · \*overdue by 5 h\* \(was due <!date.*>\)\n• Message: Is the API down\? in <#CACME0001> · <@UVENDOR2> · \*overdue by 2 h\*/,
    );
    expect(unanswered).toMatch(
      /^\*Unanswered customer messages \(1\)\*\n• <@UCUST1> in <#CACME0001>, <!date[^>]+> \(1 d 2 h ago\): “Any news on the export\?” · <@UVENDOR1> to answer$/,
    );
    expect(risks?.split('\n').slice(1)).toEqual([
      '• 3 response targets missed this period',
      '• Good ratings fell from 80% (8 of 10) to 50% (2 of 4)',
      '• Single-threaded: only <@UCUST1> at the customer has been active in the last 30 days',
      expect.stringMatching(
        /^• :rotating_light: \*High risk:\* Champion <@UCUST2> left the channel <!date[^>]+>$/,
      ),
      expect.stringMatching(/^• Procurement &lt;!channel&gt; <@UCUST3> was deactivated <!date[^>]+>$/),
      expect.stringMatching(/^• No message from the customer for 21 days \(last <!date[^>]+>\)$/),
      '• The customer has never written here',
    ]);
    expect(reminders).toMatch(
      /^\*Reminders\*\n4 reminders and 1 escalation sent\n• ACME-12 Need a HAR file snoozed by <@UVENDOR2> until <!date[^>]+>: on leave$/,
    );
    expect(notPosted).toMatch(
      /^\*Digests not posted \(2\)\*\n• <!date[^>]+> skipped: Rapport was down at the time\n• <!date[^>]+>: Slack refused it with `invalid_blocks 'x'`$/,
    );
  });

  it('says all is on track when there is nothing to report', () => {
    const message = buildInternalDigestMessage(anInternalDigest(), NOW);
    expect(message.text).toBe('Internal digest for Acme Corp: nothing overdue or at risk');
    expect(shown(message)[2]).toMatch(/^:white_check_mark: All is on track/);
    expect(message.blocks).toHaveLength(3);
  });
});

describe('both digests, fed random amounts of hostile or huge text (property)', () => {
  const HOSTILE = ['<!channel>', '<!here>', '@here', '@everyone', '<@U0EVIL>', '<#C0EVIL>', '&', '\n• *X-1*'];
  const pieces = fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom(...HOSTILE));
  const text = fc.oneof(
    fc.array(pieces, { maxLength: 20 }).map((parts) => parts.join('')),
    fc.string({ unit: 'binary', minLength: 2000, maxLength: 6000 }),
  );
  const size = fc.nat({ max: 300 });
  const sizes = fc.tuple(size, size, size, size, size, size, size, size);
  const times = <T>(count: number, make: (i: number) => T) =>
    Array.from({ length: count }, (_, i) => make(i));

  it('never pings anyone, stays within Block Kit limits and counts what it leaves out', () => {
    fc.assert(
      fc.property(text, text, sizes, (hostile, other, [a, b, c, d, e, f, g, h]) => {
        const asks = (count: number, extra: Partial<DigestAsk> = {}) =>
          times(count, (i) => anAsk({ title: i % 2 ? hostile : other, ref: hostile, ...extra }));
        const customer = aCustomerDigest({
          accountName: hostile,
          newAsks: asks(a),
          resolved: asks(b),
          shipped: asks(c),
          statusChanges: asks(d).map((ask) => ({ ask, from: 'open', to: 'planned', at: NOW })),
          open: [
            { status: 'open', asks: asks(e, { overdueSince: hoursAgo(1) }) },
            { status: 'planned', asks: asks(f, { promisedDate: hostile }) },
          ],
          promises: { upcoming: asks(g), kept: asks(h), missed: asks(a) },
          firstResponse: { medianMinutes: b * 7.5, count: b },
          signOffs: {
            waiting: times(c, (i) => ({
              approval: anApproval({ title: i % 2 ? hostile : other }),
              waitingOn: [{ approverId: 'UC1', backupId: i % 2 ? 'UBACK' : null }],
            })),
            atLeast: false,
          },
        });
        const internal = anInternalDigest({
          accountName: other,
          overdue: times(a, () => ({
            subject: 'ask',
            ref: hostile,
            label: other,
            ownerId: 'UV1',
            dueAt: NOW,
            link: null,
          })),
          unanswered: times(b, () => ({
            authorId: 'UC1',
            preview: hostile,
            postedAt: NOW,
            ownerId: 'UV1',
            link: { channelId: 'CX1', ts: '1.1' },
          })),
          risks: times(c, () => ({ kind: 'sla_breaches', count: d })),
          nags: {
            reminded: e,
            escalated: f,
            snoozes: times(g, () => ({ label: hostile, by: 'UV1', until: NOW, reason: other })),
          },
          failedDigests: times(h, () => ({ slot: NOW, error: hostile })),
          skippedSlots: times(a, () => NOW),
        });
        for (const message of [
          buildCustomerDigestMessage(customer, NOW),
          buildCustomerDigestMessage(customer, NOW, { note: other, partnershipId: 'p-1' }),
          buildInternalDigestMessage(internal, NOW),
        ]) {
          expect(validateMessage(message)).toEqual([]);
          expectNoPings(message);
          expectExactCounts(message);
        }
      }),
      { numRuns: 50 },
    );
  });
});

import type { KnownBlock } from '@slack/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Announcement } from '../../../src/domain/announcements/announcement.js';
import type { Ask } from '../../../src/domain/asks/ask.js';
import type { TrackedMessage } from '../../../src/domain/conversations/tracked-message.js';
import type { DigestRecord } from '../../../src/domain/digests/digest-record.js';
import type { FollowUp } from '../../../src/domain/follow-ups/follow-up.js';
import { blankFollowUp } from '../../../src/domain/follow-ups/plan.js';
import type { Partnership } from '../../../src/domain/partnerships/partnership.js';
import { validateView } from '../../../src/playground/slack-simulator/index.js';
import {
  APPROVALS_COUNTED,
  buildHomeView,
  HOME_LIMITS,
  type HomeData,
  type OwedItem,
  type WaitingApproval,
} from '../../../src/slack/home/home-view.js';
import { anAnnouncement } from '../../support/announcement-fixture.js';
import { anApproval } from '../../support/approval-fixture.js';
import { anAsk } from '../../support/ask-fixture.js';
import { aPartnership } from '../../support/partnership-fixture.js';

const NOW = new Date('2026-11-23T10:00:00Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const acme = aPartnership({ id: 'p-acme', accountName: 'Acme Corp', channelId: 'CACME0001' });
/** A partnership whose relationship shows no warning. */
const calm = { singleThreadedOn: null, departures: [] };

function aFollowUp(overrides: Partial<FollowUp> = {}): FollowUp {
  const blank = blankFollowUp({ type: 'ask', id: 'a-1' }, acme.id, 'ask:a-1', NOW);
  return { ...blank, ownerId: 'UVENDOR1', target: 'first_response', dueAt: minutes(120), ...overrides };
}

const owedAsk = (ask: Ask, overrides: Partial<FollowUp> = {}): OwedItem => ({
  followUp: aFollowUp({ id: `ask:${ask.id}`, subject: { type: 'ask', id: ask.id }, ...overrides }),
  subject: { type: 'ask', ask: { ...ask, partnershipId: acme.id } },
});

function owedMessage(preview: string, overrides: Partial<FollowUp> = {}): OwedItem {
  const message: TrackedMessage = {
    id: 'CACME0001:1.1',
    partnershipId: acme.id,
    channelId: acme.channelId,
    ts: '1.1',
    author: { userId: 'UCUST1', teamId: 'TCUST', side: 'customer' },
    preview,
    postedAt: minutes(-30),
    ownerId: 'UVENDOR1',
    closed: null,
  };
  return {
    followUp: aFollowUp({
      id: `message:${message.id}`,
      subject: { type: 'message', id: message.id },
      ...overrides,
    }),
    subject: { type: 'message', message },
  };
}

const waiting = (overrides: Partial<WaitingApproval['approval']> = {}, standingInFor: string[] = []) => ({
  approval: anApproval({ partnershipId: acme.id, dueAt: minutes(180), ...overrides }),
  standingInFor,
});

const sentAnnouncement = (title: string): Announcement =>
  anAnnouncement(NOW, {
    id: 'ann-1',
    title,
    body: 'Body',
    partnershipIds: ['p1', 'p2'],
    createdBy: 'UVENDOR1',
  });
const COUNTS = { pending: 0, posted: 2, failed: 0, replies: 1, reactions: 4 };

function home(data: Partial<HomeData>): HomeData {
  return {
    owed: [],
    owedTotal: data.owed?.length ?? 0,
    approvals: [],
    raised: [],
    partnerships: [],
    partnershipsTotal: data.partnerships?.length ?? 0,
    announcements: [],
    accountNames: new Map([[acme.id, acme.accountName]]),
    ...data,
  };
}

/** The mrkdwn and plain texts of each block, in order (headers, sections and contexts). */
function texts(data: HomeData): string[] {
  return (buildHomeView(data, NOW).blocks as KnownBlock[]).map((b) => {
    if (b.type === 'context') return (b.elements[0] as { text: string }).text;
    if (b.type === 'section' || b.type === 'header') return b.text?.text ?? '';
    return `[${b.type}]`;
  });
}

describe('the Home tab', () => {
  it('lists what the reader owes with its account and time left, overdue, paused or snoozed', () => {
    const shown = texts(
      home({
        owed: [
          owedAsk(anAsk({ ref: 'ACME-7', content: { ...anAsk().content, title: 'Export fails' } }), {
            dueAt: minutes(-90),
          }),
          owedMessage('Is the API down?', { dueAt: minutes(45) }),
          owedAsk(anAsk({ ref: 'ACME-8' }), {
            dueAt: minutes(300),
            snooze: { until: minutes(240), reason: 'waiting for the release', by: 'UVENDOR1' },
          }),
          owedAsk(anAsk({ ref: 'ACME-9' }), {
            snooze: { until: minutes(-5), reason: 'an old snooze', by: 'UVENDOR1' },
          }),
          owedAsk(anAsk({ ref: 'ACME-10' }), { dueAt: null }),
        ],
      }),
    );
    expect(shown[0]).toBe('What I owe');
    expect(shown[1]).toMatch(
      /^\*ACME-7\* Export fails\nAcme Corp · \*overdue by 1 h 30 min\* \(was due <!date\^/,
    );
    expect(shown[2]).toMatch(
      /^Unanswered message from <@UCUST1>: “Is the API down\?”\nAcme Corp · due in 45 min \(<!date\^/,
    );
    expect(shown[3]).toMatch(/due in 5 h .* · snoozed until <!date\^\d+\^[^>]+>: waiting for the release$/);
    expect(shown[4]).not.toContain('snoozed');
    expect(shown[5]).toBe(
      `*ACME-10* ${anAsk().content.title}\nAcme Corp · paused while it waits on the other side`,
    );
    expect(shown[6]).toBe('[divider]');
  });

  it('keeps the order it is given (soonest due first) and says how many more there are', () => {
    const owed = Array.from({ length: 40 }, (_, i) =>
      owedAsk(anAsk({ ref: `ACME-${i + 1}` }), { dueAt: minutes(i) }),
    );
    const shown = texts(home({ owed, owedTotal: 52 }));
    const refs = shown.flatMap((t) => t.match(/^\*(ACME-\d+)\*/)?.[1] ?? []);
    expect(refs).toEqual(Array.from({ length: HOME_LIMITS.owed }, (_, i) => `ACME-${i + 1}`));
    expect(shown[HOME_LIMITS.owed + 1]).toBe(`…and ${52 - HOME_LIMITS.owed} more`);
  });

  it('shows the asks raised with status and account, and the health of each partnership owned', () => {
    const failed: DigestRecord = {
      id: 'p-globex@2026-11-23T08:00:00.000Z',
      partnershipId: 'p-globex',
      trigger: 'schedule',
      slot: minutes(-120),
      state: 'failed',
      lease: null,
      missedSlots: 0,
      period: null,
      customerMessage: null,
      internalMessage: null,
      error: 'channel_not_found',
      createdAt: minutes(-120),
      finishedAt: minutes(-119),
    };
    const globex = aPartnership({
      accountName: 'Globex',
      channelId: 'CGLOBEX01',
      lastCustomerMessageAt: minutes(-60),
    });
    const shown = texts(
      home({
        raised: [
          anAsk({ ref: 'ACME-3', status: 'waiting_on_customer', partnershipId: acme.id }),
          anAsk({ ref: 'GLOBEX-1', status: 'planned', partnershipId: 'p-gone' }),
        ],
        partnerships: [
          { partnership: acme, openAsks: 1, overdue: 0, lastDigest: null, ...calm },
          {
            partnership: { ...globex, digestNextAt: minutes(60) },
            openAsks: 4,
            overdue: 2,
            lastDigest: failed,
            singleThreadedOn: 'UC1',
            departures: [
              {
                userId: 'UC2',
                role: 'champion',
                customRole: null,
                goneAt: minutes(-30),
                reason: 'left',
                highRisk: true,
              },
            ],
          },
        ],
      }),
    );
    expect(shown).toContain(`*ACME-3* ${anAsk().content.title}\nWaiting on customer · Acme Corp`);
    expect(shown).toContain(`*GLOBEX-1* ${anAsk().content.title}\nPlanned · an unknown account`);
    expect(shown).toContain(
      '*Acme Corp* in <#CACME0001>\n1 open ask · none overdue · last customer message: none yet · last digest: none yet (none scheduled)',
    );
    expect(shown.find((t) => t.startsWith('*Globex*'))).toMatch(
      /^\*Globex\* in <#CGLOBEX01>\n4 open asks · \*2 overdue\* · last customer message: <!date\^\d+\^.*> · last digest: \*<!date\^\d+\^.*> not posted\*: `channel_not_found` \(next <!date\^\d+\^.*>\)\n:rotating_light: \*High risk:\* Champion <@UC2> left <!date\^\d+\^.*> · :warning: Single-threaded: only <@UC1> active in 30 days$/,
    );
  });

  it('lists the approvals waiting on the reader after what they owe: account, due, card, and whose seat', () => {
    const shown = texts(
      home({
        approvals: [
          waiting({ title: 'Go live on 1 June', card: { channelId: 'CACME0001', ts: '1.1' } }),
          waiting({ title: 'Budget 2027', dueAt: minutes(-30), partnershipId: 'p-gone' }, ['UC1', 'UC2']),
        ],
      }),
    );
    const at = shown.indexOf('Approvals waiting for me');
    expect(shown.slice(at - 2, at)).toEqual(['Nothing is waiting on you. :tada:', '[divider]']);
    expect(shown[at + 1]).toMatch(
      /^\*Approval\* Go live on 1 June\nAcme Corp · due in 3 h \(<!date\^\d+\^[^>]+>\) · card in <#CACME0001>$/,
    );
    expect(shown[at + 2]).toMatch(
      /^\*Approval\* Budget 2027 · as backup for <@UC1>, <@UC2>\nan unknown account · \*overdue by 30 min\* \(was due <!date\^\d+\^[^>]+>\)$/,
    );
    expect(shown[at + 3]).toBe('[divider]');
  });

  it('shows at most its cap of approvals and counts the rest, exactly up to what it reads', () => {
    const many = (count: number) =>
      Array.from({ length: count }, (_, i) => waiting({ id: `a-${i}`, title: `Sign ${i}` }));
    const shownOf = (count: number) => texts(home({ approvals: many(count) }));
    const exact = shownOf(25);
    expect(exact.filter((t) => t.startsWith('*Approval* '))).toHaveLength(HOME_LIMITS.approvals);
    expect(exact).toContain(`…and ${25 - HOME_LIMITS.approvals} more`);
    expect(shownOf(APPROVALS_COUNTED)).toContain(`…and ${APPROVALS_COUNTED - HOME_LIMITS.approvals} more`);
    expect(shownOf(APPROVALS_COUNTED + 1)).toContain(
      `…and ${APPROVALS_COUNTED - HOME_LIMITS.approvals}+ more`,
    );
    expect(shownOf(HOME_LIMITS.approvals).some((t) => t.startsWith('…and'))).toBe(false);
  });

  it('says so when a list is empty', () => {
    expect(texts(home({}))).toEqual([
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
      expect.stringMatching(/^Updated <!date\^/),
    ]);
  });

  it('shows a sender their latest announcements, and nothing about announcements to anyone else', () => {
    const shown = texts(
      home({ announcements: [{ announcement: sentAnnouncement('Release 4.2'), counts: COUNTS }] }),
    );
    expect(shown).toContain('My announcements');
    expect(
      shown.some((t) => t.startsWith('• *Release 4.2* — sent') && t.includes('replies 1, reactions 4')),
    ).toBe(true);
    expect(texts(home({}))).not.toContain('My announcements');
  });

  it('stays within Home tab limits with huge data, and shows caps with counts of the rest', () => {
    const huge = 'x'.repeat(5000);
    const owed = Array.from({ length: 1000 }, (_, i) =>
      i % 2 === 0
        ? owedAsk(anAsk({ content: { ...anAsk().content, title: huge } }), {
            snooze: { until: minutes(60), reason: huge, by: 'UVENDOR1' },
          })
        : owedMessage(huge),
    );
    const partnerships = Array.from({ length: 500 }, () => ({
      partnership: aPartnership({ accountName: huge }),
      openAsks: 10_000,
      overdue: 9_999,
      lastDigest: null,
      singleThreadedOn: 'UC1',
      departures: Array.from({ length: 40 }, (_, i) => ({
        userId: `UC${i}`,
        role: null,
        customRole: huge,
        goneAt: NOW,
        reason: 'left' as const,
        highRisk: false,
      })),
    }));
    const data = home({
      owed,
      approvals: Array.from({ length: 1000 }, (_, i) =>
        waiting({ id: `a-${i}`, title: huge, card: { channelId: 'CACME0001', ts: '1.1' } }, ['UC1', 'UC2']),
      ),
      raised: Array.from({ length: 500 }, () => anAsk({ content: { ...anAsk().content, title: huge } })),
      partnerships,
      announcements: Array.from({ length: 20 }, () => ({
        announcement: sentAnnouncement(huge),
        counts: COUNTS,
      })),
      accountNames: new Map([[acme.id, huge]]),
    });
    const view = buildHomeView(data, NOW);
    expect(validateView(view)).toEqual([]);
    // Every list full: the most the tab ever holds (the arithmetic is in HOME_LIMITS' comment).
    expect(view.blocks.length).toBe(73);
    expect(texts(data).filter((t) => t.includes('reached 2, failed 0, replies 1, reactions 4'))).toHaveLength(
      HOME_LIMITS.announcements,
    );
    const shown = texts(data);
    expect(shown).toContain(`…and ${1000 - HOME_LIMITS.owed} more`);
    expect(shown.filter((t) => t.startsWith('*Approval* '))).toHaveLength(HOME_LIMITS.approvals);
    expect(shown).toContain(`…and ${APPROVALS_COUNTED - HOME_LIMITS.approvals}+ more`);
    expect(shown).toContain(`…and ${500 - HOME_LIMITS.partnerships} more`);
    expect(shown.filter((t) => t.includes('last digest: none yet'))).toHaveLength(HOME_LIMITS.partnerships);
    expect(shown.filter((t) => t.includes('\nOpen · '))).toHaveLength(HOME_LIMITS.raised);
  });

  it('never lets user text ping, mention or link anyone (property)', () => {
    const hostile = fc
      .array(
        fc.oneof(
          fc.string({ maxLength: 10 }),
          fc.constantFrom(
            '<!channel>',
            '<!here>',
            '@here',
            '@everyone',
            '<@U0EVIL>',
            '<#C0EVIL>',
            '<https://x.io|y>',
            '&',
            '>',
          ),
        ),
        { maxLength: 30 },
      )
      .map((parts) => parts.join(''));
    // What the builder adds on purpose: our own users and channels, and Slack's date token.
    const OURS = /<@UCUST1>|<@UC1>|<@UC2>|<#CACME0001>|<!date\^\d+\^[^|>]*\|[^>]*>/g;
    const PINGS = /<[!@#]|<https?:|(^|[^\u2060])@(channel|here|everyone)/i;
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, (title, preview, reason, accountName) => {
        const ask = anAsk({ content: { ...anAsk().content, title }, partnershipId: acme.id });
        const partnership: Partnership = { ...acme, accountName };
        const data = home({
          owed: [
            owedAsk(ask, { snooze: { until: minutes(30), reason, by: 'UVENDOR1' } }),
            owedMessage(preview),
          ],
          approvals: [waiting({ title, card: { channelId: 'CACME0001', ts: '1.1' } }, ['UC1'])],
          raised: [ask],
          partnerships: [
            {
              partnership,
              openAsks: 1,
              overdue: 1,
              lastDigest: null,
              singleThreadedOn: null,
              departures: [
                {
                  userId: 'UC2',
                  role: null,
                  customRole: reason,
                  goneAt: NOW,
                  reason: 'deactivated',
                  highRisk: false,
                },
              ],
            },
          ],
          accountNames: new Map([[acme.id, accountName]]),
        });
        const view = buildHomeView(data, NOW);
        expect(validateView(view)).toEqual([]);
        for (const text of texts(data)) expect(text.replace(OURS, '')).not.toMatch(PINGS);
      }),
      { numRuns: 150 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Incident, newIncident } from '../../../src/domain/incidents/incident.js';
import { validateMessage } from '../../../src/playground/slack-simulator/index.js';
import { buildAskCard } from '../../../src/slack/asks/ask-card.js';
import { buildAskList } from '../../../src/slack/asks/ask-list.js';
import { buildTriageCard } from '../../../src/slack/asks/triage-card.js';
import { buildHelpMessage } from '../../../src/slack/commands/help-message.js';
import { buildIncidentMessage, buildIncidentReply } from '../../../src/slack/incidents/incident-message.js';
import { buildUpdateOutcome, buildUpdateProgress } from '../../../src/slack/incidents/update-progress.js';
import { buildPartnershipSummary } from '../../../src/slack/setup/partnership-summary.js';
import { buildWelcomeMessage } from '../../../src/slack/setup/welcome-message.js';
import { aSentIncident } from '../../support/announcement-fixture.js';
import { anAsk } from '../../support/ask-fixture.js';
import { hostileText, mrkdwnTexts, PINGS } from '../../support/hostile-text.js';
import { aPartnership } from '../../support/partnership-fixture.js';

const hostile = hostileText(60);
const long = fc.string({ minLength: 3000, maxLength: 6000 });
const anyText = fc.oneof(hostile, long);

/** Mentions the builders add on purpose: known people, the triage channel and Slack's date token. */
const OURS = /<@(UVENDOR1|UVENDOR2|UCUST1|UCUST2)>|<#CTRIAGE1>|<!date\^\d+\^[^|>]*\|[^>]*>/g;
function assertSafe(message: { text: string; blocks: unknown[] }) {
  for (const text of mrkdwnTexts(message)) expect(text.replace(OURS, '')).not.toMatch(PINGS);
  expect(validateMessage(message)).toEqual([]);
}

describe('every message builder, fed hostile or huge text', () => {
  it('never pings, mentions or links anyone, and stays within Block Kit limits (property)', () => {
    fc.assert(
      fc.property(anyText, anyText, anyText, anyText, (accountName, title, details, note) => {
        const partnership = aPartnership({ accountName });
        assertSafe(buildWelcomeMessage(partnership));
        assertSafe(buildPartnershipSummary(partnership, new Date('2026-05-01T12:00:00Z')));
        assertSafe(buildHelpMessage(title));
        const base = anAsk();
        const ask = anAsk({
          content: { ...base.content, title, details },
          history: [
            ...base.history,
            { ...(base.history[0] as (typeof base.history)[0]), action: 'note', note },
          ],
        });
        assertSafe(buildAskCard(ask));
        // The twin with three other customers' similar requests, their names and titles hostile too.
        const similar = Array.from({ length: 3 }, () => ({ ask, accountName }));
        assertSafe(buildTriageCard(ask, { accountName, trackers: {} }, similar));
        assertSafe(
          buildAskList(
            'open',
            Array.from({ length: 10 }, () => ({ ...ask, title: ask.content.title })),
            25,
            10,
          ),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('incident messages: the top message, a reply, the progress and the outcome (property)', () => {
    const at = new Date('2026-11-23T08:00:00Z');
    // Titles are refused blank or over 150 characters, bodies and updates blank or over 3,000.
    const given = (text: fc.Arbitrary<string>) => text.filter((t) => t.trim() !== '');
    fc.assert(
      fc.property(given(hostileText(150)), given(anyText), given(anyText), (title, body, text) => {
        const update = {
          number: 2,
          status: 'resolved' as const,
          text: text.slice(0, 3000),
          at,
          by: 'UVENDOR1',
        };
        const incident = {
          ...newIncident('investigating'),
          status: 'resolved' as const,
          count: 2,
          resolvedAt: at,
        };
        const a = aSentIncident(
          at,
          { id: 'i-1', title, body: body.slice(0, 3000), partnershipIds: ['p-1'], createdBy: 'UVENDOR1' },
          { ...incident, updates: [update] },
        );
        assertSafe(buildIncidentMessage(a, a.incident as Incident));
        assertSafe(buildIncidentReply(update));
        assertSafe(buildUpdateProgress(a, update, { pending: 1, replied: 2, edited: 3, failed: 4 }));
        const failed = {
          id: 'd',
          announcementId: 'i-1',
          update: 2,
          partnershipId: 'p-1',
          channelId: 'CTRIAGE1',
        };
        const refused = { ...failed, threadTs: '1.0', state: 'failed' as const, lease: null, attempts: 1 };
        assertSafe(buildUpdateOutcome(a, update, [{ ...refused, replyTs: null, error: 'is_archived' }]));
      }),
      { numRuns: 100 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_MEETING_CADENCE, MAX_SHARED } from '../../../src/domain/plan/communication-plan.js';
import { defaultPlan } from '../../../src/domain/plan/default-plan.js';
import {
  buildStateValues,
  validateMessage,
  validateView,
} from '../../../src/playground/slack-simulator/index.js';
import { PLAN_ACTIONS, PLAN_BLOCKS, PLAN_VIEWS } from '../../../src/slack/plan/ids.js';
import {
  PLAN_FORM_BLOCK,
  parsePlanSubmission,
  planErrorsByBlock,
} from '../../../src/slack/plan/parse-plan-submission.js';
import { buildPlanMessage } from '../../../src/slack/plan/plan-message.js';
import { buildPlanModal } from '../../../src/slack/plan/plan-modal.js';
import { INPUT } from '../../../src/slack/shared/ids.js';
import { hostileText, mrkdwnTexts, PINGS } from '../../support/hostile-text.js';
import { aPartnership, aPlan } from '../../support/partnership-fixture.js';

const partnership = aPartnership({
  id: 'p-acme',
  ownerId: 'UVENDOR1',
  triageChannelId: 'CTRIAGE1',
  escalation: { backupAfterNags: 3, finalAfterNags: 7, userId: 'UVENDOR3' },
  sla: {
    firstResponse: { urgent: 30, high: 120, normal: 480, low: 960 },
    updateEvery: 240,
    resolution: 2400,
  },
  digest: { cron: '0 9 * * 1', timeZone: 'Europe/Berlin' },
  plan: aPlan(),
});
const textOf = (content: { text: string; blocks: unknown[] }) =>
  `${content.text}${JSON.stringify(content.blocks)}`;

describe('the plan message', () => {
  it('shows contacts per purpose and side, meetings, digest, hours, response targets and what is shared', () => {
    const message = buildPlanMessage(partnership, 'channel');
    const text = textOf(message);
    for (const line of [
      '*Technical questions* — our team: <@UVENDOR2> · Acme Corp: <@UCUST2>',
      '*Billing and contracts* — our team: _not named yet_ · Acme Corp: <@UCUST3>',
      '*Escalations* — our team: <@UVENDOR1> · Acme Corp: <@UCUST1>',
      '*Executive sponsors* — our team: _not named yet_ · Acme Corp: _not named yet_',
      '*Meetings:* Fortnightly, Tuesdays 15:00 CET',
      '*Status digest:* At 09:00, only on Monday (Europe/Berlin), in this channel',
      '*We answer during:* Mon–Fri 09:00–17:00 Europe/Berlin',
      'we aim to answer urgent requests within 30 min, high within 2 business hours, normal within 8 business hours and low within 16 business hours.',
      'an update at least every 4 business hours; help requests are resolved within 40 business hours.',
      '*What we share:*\\nRoadmap each quarter, release notes, incident reports within 48 hours',
      'Last changed by <@UVENDOR1> <!date^',
    ]) {
      expect(text).toContain(line);
    }
    expect(message.blocks.at(-1)).toMatchObject({
      type: 'actions',
      elements: [{ action_id: PLAN_ACTIONS.edit, value: 'p-acme' }],
    });
    expect(validateMessage(message)).toEqual([]);
  });

  it('keeps internal things out: the ladder, its final rung, the triage channel, nags', () => {
    for (const audience of ['channel', 'preview'] as const) {
      const text = textOf(buildPlanMessage(partnership, audience));
      expect(text).not.toMatch(/UVENDOR3|CTRIAGE1|triage|nag|backup owner|after 3|internal/i);
    }
  });

  it('says when no digest is scheduled and when nothing is agreed yet, without upcoming dates', () => {
    const bare = aPartnership({ digest: null, plan: aPlan({ meetingCadence: '', shared: '' }) });
    const text = textOf(buildPlanMessage(bare, 'channel'));
    expect(text).toContain('*Status digest:* none on a schedule');
    expect(text).toContain('*Meetings:* _not agreed yet_');
    expect(text).toContain('*What we share:*\\n_not agreed yet_');
    expect(textOf(buildPlanMessage(partnership, 'channel'))).not.toContain('Next:');
  });

  it('privately, shows the default until a plan is saved, and says so', () => {
    const unsaved = aPartnership({
      plan: null,
      escalation: { backupAfterNags: 2, finalAfterNags: 4, userId: null },
    });
    const text = textOf(buildPlanMessage(unsaved, 'preview'));
    expect(text).toContain(`*Technical questions* — our team: <@${unsaved.ownerId}> · Acme Corp: <@UCUST2>`);
    expect(text).toContain('Not agreed yet: suggested from this channel’s setup.');
    expect(textOf(buildPlanMessage(partnership, 'preview'))).toContain('It is pinned in this channel');
  });

  it('never pings or links from user text, and stays within Block Kit limits (property)', () => {
    const anyText = fc.oneof(
      hostileText(80),
      fc.string({ minLength: 1000, maxLength: 1500 }),
      fc.constant('&'.repeat(1500)),
    );
    fc.assert(
      fc.property(anyText, anyText, anyText, (account, cadence, shared) => {
        const p = aPartnership({
          accountName: account.slice(0, 80),
          plan: aPlan({
            meetingCadence: cadence.slice(0, MAX_MEETING_CADENCE),
            shared: shared.slice(0, MAX_SHARED),
          }),
        });
        for (const audience of ['channel', 'preview'] as const) {
          const message = buildPlanMessage(p, audience);
          expect(validateMessage(message)).toEqual([]);
          for (const text of mrkdwnTexts(message)) {
            expect(text.replace(/<@U[A-Z0-9]+>|<!date\^[^>]*>/g, '')).not.toMatch(PINGS);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('the plan form', () => {
  const modal = buildPlanModal({
    metadata: { partnershipId: 'p-acme', expectedVersion: 4 },
    accountName: 'Acme Corp',
    content: aPlan(),
  });

  it('is pre-filled with the plan, every slot optional, within limits', () => {
    expect(modal.callback_id).toBe(PLAN_VIEWS.edit);
    expect(validateView(modal)).toEqual([]);
    const blocks = modal.blocks as {
      block_id?: string;
      optional?: boolean;
      label?: { text: string };
      element?: Record<string, unknown>;
    }[];
    const byId = Object.fromEntries(blocks.map((b) => [b.block_id, b]));
    expect(byId[PLAN_BLOCKS.technical.vendor]).toMatchObject({
      optional: true,
      label: { text: 'Technical questions: our team' },
      element: { type: 'users_select', initial_user: 'UVENDOR2' },
    });
    expect(byId[PLAN_BLOCKS.technical.customer]?.label?.text).toBe('Technical questions: Acme Corp');
    expect(byId[PLAN_BLOCKS.executive.vendor]?.element).not.toHaveProperty('initial_user');
    expect(byId[PLAN_BLOCKS.meetingCadence]?.element).toMatchObject({
      initial_value: 'Fortnightly, Tuesdays 15:00 CET',
      max_length: MAX_MEETING_CADENCE,
    });
    expect(byId[PLAN_BLOCKS.shared]?.element).toMatchObject({ multiline: true, max_length: MAX_SHARED });
  });

  it('stays valid with a very long account name and an empty default plan', () => {
    const view = buildPlanModal({
      metadata: { partnershipId: 'p', expectedVersion: 1 },
      accountName: 'A'.repeat(200),
      content: defaultPlan(aPartnership({ contacts: [] })),
    });
    expect(validateView(view)).toEqual([]);
  });

  it('reads the submitted form back as the plan, with cleared slots as nobody and texts trimmed', () => {
    const values = buildStateValues(modal, {
      [PLAN_BLOCKS.technical.vendor]: { [INPUT]: null },
      [PLAN_BLOCKS.executive.customer]: { [INPUT]: 'UCUST9' },
      [PLAN_BLOCKS.meetingCadence]: { [INPUT]: '  Weekly, Mondays  ' },
    });
    expect(parsePlanSubmission(modal.private_metadata ?? '', values)).toEqual({
      ok: true,
      metadata: { partnershipId: 'p-acme', expectedVersion: 4 },
      content: {
        contacts: {
          technical: { vendor: null, customer: 'UCUST2' },
          billing: { vendor: null, customer: 'UCUST3' },
          escalation: { vendor: 'UVENDOR1', customer: 'UCUST1' },
          executive: { vendor: null, customer: 'UCUST9' },
        },
        meetingCadence: 'Weekly, Mondays',
        shared: 'Roadmap each quarter, release notes, incident reports within 48 hours',
      },
    });
  });

  it('calls a form that is not ours malformed, and maps field problems to their blocks', () => {
    expect(parsePlanSubmission('{"channelId":"C1"}', {})).toEqual({ ok: 'malformed' });
    expect(parsePlanSubmission('not json', {})).toEqual({ ok: 'malformed' });
    expect(parsePlanSubmission(modal.private_metadata ?? '', 'nonsense')).toEqual({ ok: 'malformed' });
    expect(
      planErrorsByBlock({ 'contacts.billing.customer': 'a', 'contacts.escalation.vendor': 'b', shared: 'c' }),
    ).toEqual({
      [PLAN_BLOCKS.billing.customer]: 'a',
      [PLAN_BLOCKS.escalation.vendor]: 'b',
      [PLAN_BLOCKS.shared]: 'c',
    });
    expect(PLAN_FORM_BLOCK).toBe(PLAN_BLOCKS.technical.vendor);
  });
});

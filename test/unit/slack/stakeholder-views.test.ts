import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Stakeholder } from '../../../src/domain/stakeholders/stakeholder.js';
import {
  buildStateValues,
  validateMessage,
  validateView,
} from '../../../src/playground/slack-simulator/index.js';
import { buildDepartureAlert } from '../../../src/slack/people/departure-alert.js';
import { PEOPLE_BLOCKS } from '../../../src/slack/people/ids.js';
import { parsePeopleSubmission } from '../../../src/slack/people/parse-people-submission.js';
import { buildPeopleModal, PEOPLE_SHOWN, peopleInOrder } from '../../../src/slack/people/people-modal.js';
import { INPUT } from '../../../src/slack/shared/ids.js';
import { hostileText, mrkdwnTexts, PINGS } from '../../support/hostile-text.js';
import { aPartnership } from '../../support/partnership-fixture.js';

const NOW = new Date('2026-11-23T10:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
const acme = aPartnership({
  accountName: 'Acme Corp',
  channelId: 'CACME0001',
  contacts: [{ userId: 'UC1', role: 'champion' }],
});

const person = (userId: string, overrides: Partial<Stakeholder> = {}): Stakeholder => ({
  partnershipId: acme.id,
  userId,
  side: 'customer',
  teamId: 'TC',
  role: null,
  customRole: null,
  active: true,
  firstSeenAt: hoursAgo(100),
  lastActiveAt: null,
  goneAt: null,
  goneReason: null,
  ...overrides,
});

describe('the people form', () => {
  it('lists contacts with a role first, then the most recently active, and the gone last', () => {
    const order = peopleInOrder(
      [
        person('UGONE', { active: false, role: 'billing', goneAt: hoursAgo(1), goneReason: 'left' }),
        person('UQUIET', { lastActiveAt: hoursAgo(50) }),
        person('UBUSY', { lastActiveAt: hoursAgo(1) }),
        person('UC1'), // champion from the setup form
        person('UVEND', { side: 'vendor', customRole: 'Solutions engineer' }),
      ],
      acme,
    ).map((s) => s.userId);
    expect(order).toEqual(['UC1', 'UVEND', 'UBUSY', 'UQUIET', 'UGONE']);
  });

  it('stays a valid modal with many people, and reads back each role, custom words and the added person', () => {
    const people = Array.from({ length: 60 }, (_, i) => person(`U${i}`, { lastActiveAt: hoursAgo(i) }));
    const view = buildPeopleModal(people, acme, NOW);
    expect(validateView(view)).toEqual([]);
    expect(JSON.stringify(view.blocks)).toContain(`…and ${60 - PEOPLE_SHOWN} more`);
    const values = buildStateValues(view, {
      [PEOPLE_BLOCKS.role('U0')]: { [INPUT]: 'billing' },
      [PEOPLE_BLOCKS.custom('U0')]: { [INPUT]: 'ignored beside a standard role' },
      [PEOPLE_BLOCKS.custom('U1')]: { [INPUT]: '  Procurement  ' },
      [PEOPLE_BLOCKS.addUser]: { [INPUT]: 'UNEW' },
      [PEOPLE_BLOCKS.addRole]: { [INPUT]: 'executive_sponsor' },
    });
    const parsed = parsePeopleSubmission(view.private_metadata as string, values);
    if (parsed.ok !== true) throw new Error(JSON.stringify(parsed));
    expect(parsed.roles).toHaveLength(PEOPLE_SHOWN + 1);
    expect(parsed.roles.slice(0, 3)).toEqual([
      { userId: 'U0', role: 'billing', customRole: null, customBlockId: PEOPLE_BLOCKS.custom('U0') },
      { userId: 'U1', role: null, customRole: 'Procurement', customBlockId: PEOPLE_BLOCKS.custom('U1') },
      { userId: 'U2', role: null, customRole: null, customBlockId: PEOPLE_BLOCKS.custom('U2') },
    ]);
    expect(parsed.roles.at(-1)).toEqual({
      userId: 'UNEW',
      role: 'executive_sponsor',
      customRole: null,
      customBlockId: PEOPLE_BLOCKS.addCustom,
    });
  });

  it('refuses adding someone listed already, or a role without a person, on the field', () => {
    const view = buildPeopleModal([person('UC1')], acme, NOW);
    const twice = buildStateValues(view, {
      [PEOPLE_BLOCKS.addUser]: { [INPUT]: 'UC1' },
      [PEOPLE_BLOCKS.addRole]: { [INPUT]: 'billing' },
    });
    expect(parsePeopleSubmission(view.private_metadata as string, twice)).toEqual({
      ok: false,
      errors: { [PEOPLE_BLOCKS.addUser]: 'This person is listed above already.' },
    });
    expect(parsePeopleSubmission('not json', {})).toEqual({ ok: 'malformed' });
  });
});

describe('the departure alert', () => {
  it('names the role, the risk, a next step and who is still active; escapes a custom role', () => {
    fc.assert(
      fc.property(hostileText(10), (words) => {
        const alert = buildDepartureAlert(
          {
            userId: 'UC9',
            role: null,
            customRole: `x${words}`,
            goneAt: NOW,
            reason: 'left',
            highRisk: false,
          },
          { ...acme, accountName: `Acme ${words}` },
          ['UC2'],
        );
        expect(validateMessage(alert)).toEqual([]);
        for (const t of mrkdwnTexts(alert)) {
          expect(t.replace(/<@UC[29]>|<#CACME0001>/g, '')).not.toMatch(PINGS);
        }
      }),
      { numRuns: 100 },
    );
    const champion = buildDepartureAlert(
      {
        userId: 'UC1',
        role: 'champion',
        customRole: null,
        goneAt: NOW,
        reason: 'deactivated',
        highRisk: true,
      },
      acme,
      [],
    );
    expect(champion.text).toBe('High risk: Champion at Acme Corp was deactivated');
    expect(JSON.stringify(champion.blocks)).toContain(
      'Nobody else at Acme Corp has been active here in the last 30 days.',
    );
  });
});

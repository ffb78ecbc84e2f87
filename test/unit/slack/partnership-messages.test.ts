import { describe, expect, it } from 'vitest';
import { buildPartnershipSummary } from '../../../src/slack/setup/partnership-summary.js';
import { buildWelcomeMessage } from '../../../src/slack/setup/welcome-message.js';
import { aPartnership } from '../../support/partnership-fixture.js';

const partnership = aPartnership({
  businessHours: {
    days: [1, 2, 3, 4, 5],
    start: '09:00',
    end: '17:00',
    dailyBreak: { start: '12:00', end: '13:00' },
    holidays: ['2026-05-01', '2026-12-24', '2026-12-25'],
  },
  sla: {
    firstResponse: { urgent: 30, high: 120, normal: 480, low: 960 },
    updateEvery: 240,
    resolution: 2400,
  },
  escalation: { backupAfterNags: 1, finalAfterNags: 3, userId: 'UVENDOR3' },
});
const textOf = (content: { blocks: unknown[] }) => JSON.stringify(content.blocks);

describe('the partnership summary', () => {
  it('states the response policy, the escalation steps, the break and the next holiday', () => {
    // 23:30 UTC on 1 May is already 2 May in Berlin: the holiday of 1 May is past there.
    const text = textOf(buildPartnershipSummary(partnership, new Date('2026-05-01T23:30:00Z')));
    expect(text).toContain('*Business hours:* Mon–Fri 09:00–12:00, 13:00–17:00 Europe/Berlin');
    expect(text).toContain('*Holidays:* 3 listed, next 2026-12-24');
    expect(text).toContain(
      '*First response:* urgent requests within 30 min, high within 2 business hours, ' +
        'normal within 8 business hours and low within 16 business hours',
    );
    expect(text).toContain('*Owner updates:* at least every 4 business hours');
    expect(text).toContain('*Resolution:* help requests within 40 business hours');
    expect(text).toContain(
      '*Escalation:* to the backup owner after 1 unanswered reminder, finally to <@UVENDOR3> after 3',
    );
  });

  it('names the triage channel as the last step when nobody is named, and says when there is neither', () => {
    const toTriage = aPartnership({ escalation: { backupAfterNags: 2, finalAfterNags: 4, userId: null } });
    expect(textOf(buildPartnershipSummary(toTriage, new Date('2026-05-01T12:00:00Z')))).toContain(
      'finally to <#CTRIAGE1> after 4',
    );
    const nowhere = aPartnership({ triageChannelId: null });
    expect(textOf(buildPartnershipSummary(nowhere, new Date('2026-05-01T12:00:00Z')))).toContain(
      '_nobody: name someone or choose a triage channel_',
    );
    expect(textOf(buildPartnershipSummary(nowhere, new Date('2026-05-01T12:00:00Z')))).toContain(
      '*Holidays:* _none listed_',
    );
  });
});

describe('the welcome message', () => {
  it('promises first-response times by urgency and keeps escalation internal', () => {
    const welcome = buildWelcomeMessage(partnership);
    const text = textOf(welcome);
    expect(text).toContain(
      'We aim to answer urgent requests within 30 min, high within 2 business hours, ' +
        'normal within 8 business hours and low within 16 business hours.',
    );
    expect(text).toContain('Mon–Fri 09:00–12:00, 13:00–17:00 Europe/Berlin');
    expect(`${welcome.text}${text}`).not.toMatch(/escalat|nag|UVENDOR3/i);
  });
});

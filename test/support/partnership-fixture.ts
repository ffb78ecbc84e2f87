import { DEFAULT_DIGEST_CRON } from '../../src/domain/digests/digest-schedule.js';
import {
  DEFAULT_ESCALATION,
  DEFAULT_SLA,
  type Partnership,
} from '../../src/domain/partnerships/partnership.js';
import type { CommunicationPlan } from '../../src/domain/plan/communication-plan.js';

let n = 0;

/** A complete partnership with overridable fields; ids and channels are unique per call. */
export function aPartnership(overrides: Partial<Partnership> = {}): Partnership {
  n += 1;
  const at = new Date('2026-03-02T09:30:00.000Z');
  return {
    id: `p-${n}`,
    channelId: `C${String(n).padStart(8, '0')}`,
    accountName: 'Acme Corp',
    refPrefix: 'ACME',
    ownerId: 'UVENDOR1',
    backupOwnerId: 'UVENDOR2',
    contacts: [
      { userId: 'UCUST1', role: 'champion' },
      { userId: 'UCUST2', role: 'technical' },
    ],
    timeZone: 'Europe/Berlin',
    businessHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', dailyBreak: null, holidays: [] },
    triageChannelId: 'CTRIAGE1',
    reactions: { help: 'ticket', enhancement: 'bulb' },
    sla: DEFAULT_SLA,
    escalation: DEFAULT_ESCALATION,
    digest: { cron: DEFAULT_DIGEST_CRON, timeZone: 'Europe/Berlin' },
    welcomeMessageTs: null,
    lastCustomerMessageAt: null,
    digestNextAt: null,
    plan: null,
    planMessageTs: null,
    trackers: {},
    tags: [],
    createdBy: 'UVENDOR1',
    createdAt: at,
    updatedBy: 'UVENDOR1',
    updatedAt: at,
    version: 1,
    ...overrides,
  };
}

/** A saved communication plan naming the fixture's people, with overridable fields. */
export function aPlan(overrides: Partial<CommunicationPlan> = {}): CommunicationPlan {
  return {
    contacts: {
      technical: { vendor: 'UVENDOR2', customer: 'UCUST2' },
      billing: { vendor: null, customer: 'UCUST3' },
      escalation: { vendor: 'UVENDOR1', customer: 'UCUST1' },
      executive: { vendor: null, customer: null },
    },
    meetingCadence: 'Fortnightly, Tuesdays 15:00 CET',
    shared: 'Roadmap each quarter, release notes, incident reports within 48 hours',
    updatedBy: 'UVENDOR1',
    updatedAt: new Date('2026-03-03T10:00:00.000Z'),
    ...overrides,
  };
}

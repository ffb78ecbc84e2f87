import { DEFAULT_DIGEST_CRON } from '../../src/domain/digests/digest-schedule.js';
import {
  DEFAULT_ESCALATION,
  DEFAULT_SLA,
  type Partnership,
} from '../../src/domain/partnerships/partnership.js';

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
    createdBy: 'UVENDOR1',
    createdAt: at,
    updatedBy: 'UVENDOR1',
    updatedAt: at,
    version: 1,
    ...overrides,
  };
}

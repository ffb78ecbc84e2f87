import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../../src/domain/actors.js';
import type { Partnership } from '../../../../src/domain/partnerships/partnership.js';
import {
  CONTACT_ROLES,
  DEFAULT_ESCALATION,
  DEFAULT_SLA,
  type PartnershipInput,
} from '../../../../src/domain/partnerships/partnership.js';
import {
  ACCOUNT_NAME_MAX,
  checkPartnershipSizes,
  DIGEST_CRON_MAX,
  EMOJI_NAME_MAX,
  ID_MAX,
  MAX_CONTACTS_PER_ROLE,
  MAX_HOLIDAYS,
  MAX_TARGET_MINUTES,
  TIME_ZONE_MAX,
} from '../../../../src/domain/partnerships/partnership-sizes.js';
import { type SaveDeps, savePartnership } from '../../../../src/domain/partnerships/save-partnership.js';
import { MAX_CUSTOM_ROLE, saveRoles } from '../../../../src/domain/stakeholders/save-roles.js';

const fits: PartnershipInput = {
  accountName: 'a'.repeat(ACCOUNT_NAME_MAX),
  ownerId: 'UV1',
  backupOwnerId: null,
  tags: [],
  contacts: CONTACT_ROLES.flatMap((role) =>
    Array.from({ length: MAX_CONTACTS_PER_ROLE }, (_, i) => ({ userId: `U${role}${i}`, role })),
  ),
  timeZone: 'Europe/Berlin',
  businessHours: {
    days: [1, 2, 3, 4, 5, 6, 7],
    start: '09:00',
    end: '17:00',
    dailyBreak: null,
    holidays: Array.from({ length: MAX_HOLIDAYS }, (_, i) =>
      new Date(Date.UTC(2099, 0, 1 + i)).toISOString().slice(0, 10),
    ),
  },
  triageChannelId: 'C'.repeat(ID_MAX),
  reactions: { help: 'e'.repeat(EMOJI_NAME_MAX), enhancement: 'bulb' },
  sla: DEFAULT_SLA,
  escalation: DEFAULT_ESCALATION,
  digest: { cron: ' '.repeat(DIGEST_CRON_MAX), timeZone: 'z'.repeat(TIME_ZONE_MAX) },
};
const tooLong = (max: number) => `Keep it to ${max} characters (shorten it and send again).`;
const vendor: Actor = { userId: 'UV1', teamId: 'TVENDOR', side: 'vendor' };
/** Any look-up or write fails the test: an oversize input is refused before either. */
const untouchable = new Proxy({}, { get: () => () => expect.fail('looked up or stored') });

describe('partnership sizes', () => {
  it('keeps every field at its maximum', () => {
    expect(checkPartnershipSizes(fits)).toEqual({});
  });

  it('refuses each text, list and id one over its maximum, on its field', () => {
    const over: PartnershipInput = {
      ...fits,
      accountName: 'a'.repeat(ACCOUNT_NAME_MAX + 1),
      ownerId: 'U'.repeat(ID_MAX + 1),
      backupOwnerId: 'U'.repeat(ID_MAX + 1),
      contacts: [
        ...fits.contacts,
        { userId: 'UONEMORE', role: 'champion' },
        { userId: 'U'.repeat(ID_MAX + 1), role: 'billing' },
      ],
      timeZone: 'z'.repeat(TIME_ZONE_MAX + 1),
      businessHours: {
        ...fits.businessHours,
        days: [1, 1],
        holidays: [...fits.businessHours.holidays, '2099-03-01'],
      },
      triageChannelId: 'C'.repeat(ID_MAX + 1),
      reactions: { help: 'ticket', enhancement: 'e'.repeat(EMOJI_NAME_MAX + 1) },
      escalation: { ...DEFAULT_ESCALATION, userId: 'U'.repeat(ID_MAX + 1) },
      digest: { cron: 'c'.repeat(DIGEST_CRON_MAX + 1), timeZone: 'z'.repeat(TIME_ZONE_MAX + 1) },
    };
    const pickAgain = 'Pick again from the list.';
    expect(checkPartnershipSizes(over)).toEqual({
      accountName: tooLong(ACCOUNT_NAME_MAX),
      ownerId: pickAgain,
      backupOwnerId: pickAgain,
      'contacts.champion': `Name at most ${MAX_CONTACTS_PER_ROLE} people here (there are ${MAX_CONTACTS_PER_ROLE + 1}).`,
      'contacts.billing': pickAgain,
      timeZone: tooLong(TIME_ZONE_MAX),
      businessHours: 'Pick each working day once.',
      'businessHours.holidays': `List at most ${MAX_HOLIDAYS} holidays (there are ${MAX_HOLIDAYS + 1}).`,
      triageChannelId: pickAgain,
      reactions: tooLong(EMOJI_NAME_MAX),
      'escalation.userId': pickAgain,
      'digest.cron': tooLong(DIGEST_CRON_MAX),
      'digest.timeZone': tooLong(TIME_ZONE_MAX),
    });
  });

  it('refuses an oversize partnership before anyone is looked up or anything stored, whatever sent it', async () => {
    const deps = {
      partnerships: untouchable,
      directory: untouchable,
      clock: untouchable,
    } as unknown as SaveDeps;
    const thousands = Array.from({ length: 5_000 }, (_, i) => ({
      userId: `U${i}`,
      role: 'end_user' as const,
    }));
    const result = await savePartnership(deps, {
      actor: vendor,
      channelId: 'CSHARED',
      input: { ...fits, contacts: thousands },
      expectedVersion: null,
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid',
        fields: { 'contacts.end_user': 'Name at most 10 people here (there are 5000).' },
      },
    });
  });

  it('refuses a response target over the maximum (the business calendar walks it day by day)', async () => {
    const directory = { sideOfUser: async () => 'vendor', isExternallyShared: async () => false };
    const deps = {
      partnerships: untouchable,
      directory,
      clock: { now: () => new Date() },
    } as unknown as SaveDeps;
    const sla = { ...DEFAULT_SLA, resolution: MAX_TARGET_MINUTES + 1 };
    const result = await savePartnership(deps, {
      actor: vendor,
      channelId: 'CSHARED',
      input: { ...fits, contacts: [], digest: null, sla },
      expectedVersion: null,
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid',
        fields: {
          'sla.resolution': `Use a whole number of business minutes, from 1 to ${MAX_TARGET_MINUTES}.`,
        },
      },
    });
  });
});

describe('role sizes', () => {
  const partnership = { id: 'P1', channelId: 'CSHARED', contacts: [], version: 1 } as unknown as Partnership;
  const person = (userId: string) => ({ userId, side: 'customer' as const, teamId: 'TCUST' });

  it('refuses a role in words over its maximum, or a forged id, naming the person, and stores nothing', async () => {
    const deps = {
      stakeholders: untouchable,
      partnerships: untouchable,
      directory: untouchable,
      clock: untouchable,
    };
    const save = (userId: string, customRole: string) =>
      saveRoles(deps as never, {
        actor: vendor,
        partnership,
        changes: [{ person: person(userId), role: null, customRole }],
      });
    expect(await save('UC1', 'p'.repeat(MAX_CUSTOM_ROLE + 1))).toEqual({
      ok: false,
      error: { code: 'oversize', userId: 'UC1', message: tooLong(MAX_CUSTOM_ROLE) },
    });
    const forged = 'U'.repeat(ID_MAX + 1);
    expect(await save(forged, 'procurement')).toEqual({
      ok: false,
      error: { code: 'oversize', userId: forged, message: 'Pick this person again from the list.' },
    });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor, Side } from '../../../src/domain/actors.js';
import {
  DEFAULT_ESCALATION,
  DEFAULT_SLA,
  type PartnershipInput,
} from '../../../src/domain/partnerships/partnership.js';
import { MAX_TARGET_MINUTES } from '../../../src/domain/partnerships/partnership-sizes.js';
import { type SaveDeps, savePartnership } from '../../../src/domain/partnerships/save-partnership.js';
import type { Directory } from '../../../src/domain/ports.js';
import { openStore, type Store } from '../../../src/store/open-store.js';
import { tempDataDir } from '../../support/stores.js';

const vendor: Actor = { userId: 'UV1', teamId: 'TVENDOR', side: 'vendor' };
const customer: Actor = { userId: 'UC1', teamId: 'TCUST', side: 'customer' };

/** Slack's answers about people and channels, as the domain's Directory port sees them. */
const directory: Directory = {
  sideOfUser: async (id) =>
    (({ UV1: 'vendor', UV2: 'vendor', UC1: 'customer', UC2: 'customer' }) as Record<string, Side>)[id] ??
    null,
  isExternallyShared: async (id) => id === 'CSHARED',
};

const input = (overrides: Partial<PartnershipInput> = {}): PartnershipInput => ({
  accountName: 'Acme Corp',
  ownerId: 'UV1',
  backupOwnerId: 'UV2',
  contacts: [{ userId: 'UC1', role: 'champion' }],
  timeZone: 'Europe/Berlin',
  tags: [],
  businessHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', dailyBreak: null, holidays: [] },
  triageChannelId: 'CTRIAGE',
  reactions: { help: 'ticket', enhancement: 'bulb' },
  sla: DEFAULT_SLA,
  escalation: DEFAULT_ESCALATION,
  digest: { cron: '0 9 * * 1', timeZone: 'Europe/Berlin' },
  ...overrides,
});

describe('savePartnership', () => {
  let store: Store;
  let deps: SaveDeps;
  let now = new Date('2026-05-04T08:00:00Z');
  let ids = 0;

  beforeEach(async () => {
    store = await openStore({ dataDir: tempDataDir() });
    deps = {
      partnerships: store.partnerships,
      directory,
      clock: { now: () => now },
      newId: () => `id-${++ids}`,
    };
  });
  afterEach(() => store.close());

  it('creates the channel’s partnership with a reference prefix, then edits it in place', async () => {
    const created = await savePartnership(deps, {
      actor: vendor,
      channelId: 'C1',
      input: input(),
      expectedVersion: null,
    });
    expect(created).toMatchObject({
      ok: true,
      value: { created: true, partnership: { refPrefix: 'ACME', version: 1 } },
    });

    now = new Date('2026-05-05T08:00:00Z');
    const edited = await savePartnership(deps, {
      actor: vendor,
      channelId: 'C1',
      input: input({ accountName: 'Acme Inc', backupOwnerId: null }),
      expectedVersion: 1,
    });
    expect(edited).toMatchObject({ ok: true, value: { created: false } });
    const stored = await store.partnerships.findByChannel('C1');
    expect(stored).toMatchObject({
      accountName: 'Acme Inc',
      refPrefix: 'ACME',
      backupOwnerId: null,
      version: 2,
    });
    expect(stored?.createdAt).toEqual(new Date('2026-05-04T08:00:00Z'));
    expect(stored?.updatedAt).toEqual(now);
  });

  it('refuses customer-side people', async () => {
    const result = await savePartnership(deps, {
      actor: customer,
      channelId: 'C1',
      input: input(),
      expectedVersion: null,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await store.partnerships.findByChannel('C1')).toBeNull();
  });

  it('reports every invalid field at once', async () => {
    const result = await savePartnership(deps, {
      actor: vendor,
      channelId: 'C1',
      input: input({
        ownerId: 'UC1',
        backupOwnerId: 'UC2',
        contacts: [{ userId: 'UV2', role: 'technical' }],
        timeZone: 'Mars/Olympus',
        businessHours: { days: [1], start: '18:00', end: '09:00', dailyBreak: null, holidays: [] },
        triageChannelId: 'CSHARED',
      }),
      expectedVersion: null,
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid',
        fields: {
          ownerId: 'The owner must be someone at your company.',
          backupOwnerId: 'The backup owner must be someone at your company.',
          'contacts.technical': 'Customer contacts must be people at the customer, not at your company.',
          timeZone: 'Use a time zone name such as Europe/Berlin or America/New_York.',
          businessHours: 'The working day must end after it starts.',
          triageChannelId:
            'That channel is shared with another organisation; internal notes must stay internal.',
        },
      },
    });
  });

  it('rejects the shared channel itself as triage channel, and the owner as their own backup', async () => {
    const result = await savePartnership(deps, {
      actor: vendor,
      channelId: 'C1',
      input: input({
        triageChannelId: 'C1',
        backupOwnerId: 'UV1',
        businessHours: { days: [], start: '09:00', end: '17:00', dailyBreak: null, holidays: [] },
      }),
      expectedVersion: null,
    });
    expect(result.ok ? {} : result.error).toMatchObject({
      fields: {
        triageChannelId: 'The triage channel must be an internal channel, not this one.',
        backupOwnerId: 'The backup owner must be someone other than the owner.',
        businessHours: 'Pick at least one working day.',
      },
    });
  });

  it('refuses an edit made on a stale form instead of overwriting someone else’s save', async () => {
    await savePartnership(deps, { actor: vendor, channelId: 'C1', input: input(), expectedVersion: null });
    await savePartnership(deps, {
      actor: vendor,
      channelId: 'C1',
      input: input({ accountName: 'B' }),
      expectedVersion: 1,
    });
    const stale = await savePartnership(deps, {
      actor: vendor,
      channelId: 'C1',
      input: input({ accountName: 'C' }),
      expectedVersion: 1,
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const createdTwice = await savePartnership(deps, {
      actor: vendor,
      channelId: 'C1',
      input: input(),
      expectedVersion: null,
    });
    expect(createdTwice).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await store.partnerships.findByChannel('C1'))?.accountName).toBe('B');
  });

  const fieldsOf = async (overrides: Partial<PartnershipInput>) => {
    const result = await savePartnership(deps, {
      actor: vendor,
      channelId: 'C1',
      input: input(overrides),
      expectedVersion: null,
    });
    return result.ok ? {} : result.error;
  };
  const hours = (overrides: Partial<PartnershipInput['businessHours']>) => ({
    businessHours: { ...input().businessHours, ...overrides },
  });

  it('stores the response targets, escalation steps, break and holidays it was given', async () => {
    const custom = input({
      ...hours({ dailyBreak: { start: '12:00', end: '13:00' }, holidays: ['2026-12-24', '2026-12-25'] }),
      sla: {
        firstResponse: { urgent: 15, high: 60, normal: 240, low: 480 },
        updateEvery: 120,
        resolution: 960,
      },
      escalation: { backupAfterNags: 1, finalAfterNags: 10, userId: 'UV2' },
    });
    await savePartnership(deps, { actor: vendor, channelId: 'C1', input: custom, expectedVersion: null });
    expect(await store.partnerships.findByChannel('C1')).toMatchObject({
      businessHours: custom.businessHours,
      sla: custom.sla,
      escalation: custom.escalation,
    });
  });

  it('wants faster targets for more urgent requests, and time to resolve after the first answer', async () => {
    expect(
      await fieldsOf({
        sla: {
          firstResponse: { urgent: 480, high: 240, normal: 0, low: 960 },
          updateEvery: 1.5,
          resolution: 600,
        },
      }),
    ).toEqual({
      code: 'invalid',
      fields: {
        'sla.firstResponse.high': 'High requests can’t have a shorter target than urgent ones.',
        'sla.firstResponse.normal': `Use a whole number of business minutes, from 1 to ${MAX_TARGET_MINUTES}.`,
        'sla.updateEvery': `Use a whole number of business minutes, from 1 to ${MAX_TARGET_MINUTES}.`,
        'sla.resolution': 'Allow at least as long to resolve a request as to first answer it.',
      },
    });
    const equal = { urgent: 480, high: 480, normal: 480, low: 480 };
    expect(await fieldsOf({ sla: { firstResponse: equal, updateEvery: 60, resolution: 480 } })).toEqual({});
  });

  it('escalates finally after the backup owner, to someone at the vendor other than the owner', async () => {
    expect(await fieldsOf({ escalation: { backupAfterNags: 3, finalAfterNags: 3, userId: 'UC1' } })).toEqual({
      code: 'invalid',
      fields: {
        'escalation.finalAfterNags': 'The final escalation must come after the backup owner is nagged.',
        'escalation.userId': 'The final escalation must go to someone at your company.',
      },
    });
    expect(await fieldsOf({ escalation: { backupAfterNags: 0, finalAfterNags: 11, userId: 'UV1' } })).toEqual(
      {
        code: 'invalid',
        fields: {
          'escalation.backupAfterNags': 'Choose between 1 and 10 nags.',
          'escalation.finalAfterNags': 'Choose between 1 and 10 nags.',
          'escalation.userId': 'The owner is the one being nagged: escalate to someone else.',
        },
      },
    );
  });

  it('keeps the daily break inside the working day', async () => {
    const breakError = async (start: string, end: string) =>
      ((await fieldsOf(hours({ dailyBreak: { start, end } }))) as { fields?: Record<string, string> })
        .fields?.['businessHours.dailyBreak'];
    expect(await breakError('13:00', '12:00')).toBe('The break must end after it starts.');
    expect(await breakError('08:00', '09:30')).toBe(
      'The break must fall inside the working day (09:00–17:00).',
    );
    expect(await breakError('16:30', '17:00')).toBe(
      'The break must fall inside the working day (09:00–17:00).',
    );
    expect(await breakError('12:00', '13:00')).toBeUndefined();
  });

  it('refuses holidays that are not dates, naming them, and more than 60', async () => {
    expect(await fieldsOf(hours({ holidays: ['2026-02-30', '2026-12-24', 'tomorrow'] }))).toEqual({
      code: 'invalid',
      fields: {
        'businessHours.holidays':
          'Not dates: “2026-02-30”, “tomorrow”. Write dates as YYYY-MM-DD, such as 2026-12-24.',
      },
    });
    expect(await fieldsOf(hours({ holidays: ['2026-1-5'] }))).toMatchObject({
      fields: { 'businessHours.holidays': expect.stringMatching(/^Not a date: “2026-1-5”\./) },
    });
    const days = (n: number) =>
      Array.from({ length: n }, (_, i) => new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10));
    expect(await fieldsOf(hours({ holidays: days(60) }))).toEqual({});
    expect(await fieldsOf(hours({ holidays: days(61) }))).toMatchObject({
      fields: { 'businessHours.holidays': 'List at most 60 holidays (there are 61).' },
    });
  });
  it('refuses a digest schedule that is not cron, too frequent, or in an unknown zone, on its field', async () => {
    const digestError = async (cron: string, timeZone = 'Europe/Berlin') => {
      const error = await fieldsOf({ digest: { cron, timeZone } });
      return 'fields' in error ? error.fields : {};
    };
    expect(await digestError('every monday')).toEqual({
      'digest.cron': expect.stringMatching(/^Write five fields/),
    });
    expect(await digestError('0 25 * * 1')).toEqual({
      'digest.cron': expect.stringContaining('expected range 0-23'),
    });
    expect(await digestError('*/30 * * * *')).toEqual({
      'digest.cron': expect.stringMatching(/at most once an hour/),
    });
    expect(await digestError('0 9 * * 1', 'Mars/Olympus')).toEqual({
      'digest.timeZone': expect.stringMatching(/time zone name/),
    });
    expect(await digestError('0 * * * *')).toEqual({});
  });

  it('plans the first digest slot, keeps a pending slot on unrelated edits, and re-plans a new schedule', async () => {
    const save = async (overrides: Partial<PartnershipInput>, expectedVersion: number | null) => {
      await savePartnership(deps, {
        actor: vendor,
        channelId: 'C1',
        input: input(overrides),
        expectedVersion,
      });
      return (await store.partnerships.findByChannel('C1'))?.digestNextAt;
    };
    // Monday 4 May 2026, 08:00 UTC = 10:00 in Berlin: this week's 09:00 slot has passed.
    expect(await save({}, null)).toEqual(new Date('2026-05-11T07:00:00Z'));
    // The slot comes and the tick has not taken it yet when someone saves other settings.
    now = new Date('2026-05-11T07:00:30Z');
    expect(await save({ accountName: 'Acme Inc' }, 1)).toEqual(new Date('2026-05-11T07:00:00Z'));
    const fridays = { cron: '0 17 * * 5', timeZone: 'America/New_York' };
    expect(await save({ digest: fridays }, 2)).toEqual(new Date('2026-05-15T21:00:00Z'));
    expect(await save({ digest: null }, 3)).toBeNull();
    expect(await store.partnerships.findByChannel('C1')).toMatchObject({ digest: null, digestNextAt: null });
  });
});

import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ESCALATION,
  DEFAULT_SLA,
  type PartnershipInput,
} from '../../../src/domain/partnerships/partnership.js';
import type { PartnershipField } from '../../../src/domain/partnerships/partnership-field.js';
import {
  buildStateValues,
  type StateValuesInput,
  validateView,
} from '../../../src/playground/slack-simulator/index.js';
import { SETUP_BLOCKS } from '../../../src/slack/setup/ids.js';
import { blockForField, parseSetupSubmission } from '../../../src/slack/setup/parse-setup-submission.js';
import { buildSetupModal, type SetupModalInput } from '../../../src/slack/setup/setup-modal.js';
import { INPUT } from '../../../src/slack/shared/ids.js';

const B = SETUP_BLOCKS;
type Element = { options?: { value: string; text: { text: string } }[]; initial_option?: { value: string } };
type Block = { type: string; block_id?: string; element?: Element };

const NOW = new Date('2026-11-22T12:00:00Z');

const creating: SetupModalInput = {
  metadata: { channelId: 'C1', expectedVersion: null },
  values: { ownerId: 'UV1', timeZone: 'Europe/Berlin' },
  now: NOW,
};

/** Every setting away from its default, with an urgent target (45 min) that no option offers. */
const saved: PartnershipInput = {
  accountName: 'Acme Corp',
  ownerId: 'UV1',
  backupOwnerId: 'UV2',
  contacts: [{ userId: 'UC1', role: 'champion' }],
  timeZone: 'Europe/Berlin',
  tags: ['enterprise', 'eu'],
  businessHours: {
    days: [1, 2, 3, 4],
    start: '08:30',
    end: '17:30',
    dailyBreak: { start: '12:00', end: '12:45' },
    holidays: Array.from(
      { length: 60 },
      (_, i) =>
        `2027-${String(Math.floor(i / 28) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    ),
  },
  triageChannelId: 'CTRIAGE',
  reactions: { help: 'sos', enhancement: 'bulb' },
  sla: {
    firstResponse: { urgent: 45, high: 120, normal: 240, low: 960 },
    updateEvery: 240,
    resolution: 4800,
  },
  escalation: { backupAfterNags: 1, finalAfterNags: 3, userId: 'UV3' },
  digest: { cron: '30 8 * * 1-5', timeZone: 'America/New_York' },
};

const blocksOf = (input: SetupModalInput) => buildSetupModal(input).blocks as Block[];
const elementOf = (input: SetupModalInput, blockId: string) =>
  blocksOf(input).find((b) => b.block_id === blockId)?.element as Element;

/** What Slack would send back for this modal, as the parser sees it. */
function submit(input: SetupModalInput, values: StateValuesInput = {}) {
  const view = buildSetupModal(input);
  return parseSetupSubmission(view.private_metadata ?? '', buildStateValues(view, values));
}

describe('the setup modal', () => {
  it('offers the default targets, escalation steps, no break and no holidays when creating', () => {
    const parsed = submit(creating, { [B.accountName]: { [INPUT]: 'Acme Corp' } });
    expect(parsed).toMatchObject({
      ok: true,
      input: {
        sla: DEFAULT_SLA,
        escalation: DEFAULT_ESCALATION,
        businessHours: { dailyBreak: null, holidays: [] },
      },
    });
    expect(elementOf(creating, B.responseUrgent).initial_option).toMatchObject({ value: '60' });
    expect(elementOf(creating, B.breakStart)).not.toHaveProperty('initial_time');
    expect(elementOf(creating, B.escalationUserId)).not.toHaveProperty('initial_user');
  });

  it('gives back exactly what was saved when it is submitted unchanged', () => {
    const editing = { metadata: { channelId: 'C1', expectedVersion: 3 }, values: saved, now: NOW };
    expect(submit(editing)).toEqual({ ok: true, metadata: editing.metadata, input: saved });
  });

  it('shows a saved target that no option offers, in order among the others', () => {
    const urgent = elementOf({ ...creating, values: saved }, B.responseUrgent);
    expect(urgent.options?.map((o) => o.value)).toEqual([
      '15',
      '30',
      '45',
      '60',
      '120',
      '240',
      '480',
      '960',
      '1440',
      '2400',
    ]);
    expect(urgent.initial_option).toMatchObject({ value: '45', text: { text: '45 min' } });
    const resolution = elementOf({ ...creating, values: saved }, B.resolution);
    expect(resolution.options?.map((o) => o.text.text)).toContain('80 business hours (10 business days)');
  });

  it('stays within Block Kit limits with every field at its largest', () => {
    const view = buildSetupModal({
      metadata: { channelId: 'C1', expectedVersion: 1 },
      values: { ...saved, sla: { ...saved.sla, resolution: 999_999 } },
      now: NOW,
    });
    expect(validateView(view)).toEqual([]);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
  });
});

describe('the digest schedule in the setup modal', () => {
  const named = { [B.accountName]: { [INPUT]: 'Acme Corp' } };
  const previewOf = (input: SetupModalInput) =>
    (
      blocksOf(input).find((b) => b.block_id === B.digestPreview) as unknown as {
        elements: { text: string }[];
      }
    ).elements[0]?.text;

  it('starts a new partnership on Mondays at 09:00 in its zone, with the next slots in words', () => {
    expect(submit(creating, named)).toMatchObject({
      ok: true,
      input: { digest: { cron: '0 9 * * 1', timeZone: 'Europe/Berlin' } },
    });
    // Sunday 22 Nov 2026 noon UTC: the next Mondays are the 23rd and the 30th, 09:00 in Berlin.
    expect(previewOf(creating)).toBe(
      'At 09:00, only on Monday (Europe/Berlin). Next: Mon 23 Nov 2026, 09:00, then Mon 30 Nov 2026, 09:00.',
    );
  });

  it('reads an empty schedule as no scheduled digest, and an empty zone as the partnership’s', () => {
    expect(submit(creating, { ...named, [B.digestCron]: { [INPUT]: '' } })).toMatchObject({
      ok: true,
      input: { digest: null },
    });
    expect(
      submit(creating, {
        ...named,
        [B.digestCron]: { [INPUT]: ' 0  17 * * 5 ' },
        [B.digestTimeZone]: { [INPUT]: '' },
      }),
    ).toMatchObject({ ok: true, input: { digest: { cron: '0 17 * * 5', timeZone: 'Europe/Berlin' } } });
  });

  it('shows a saved schedule in its own zone, and none when digests are off', () => {
    const editing = { ...creating, values: saved };
    expect(previewOf(editing)).toContain('(America/New_York). Next: Mon 23 Nov 2026, 08:30');
    expect(previewOf({ ...creating, values: { ...saved, digest: null } })).toMatch(/^No scheduled digest/);
    expect(elementOf({ ...creating, values: { ...saved, digest: null } }, B.digestCron)).not.toHaveProperty(
      'initial_value',
    );
  });
});

describe('reading the setup modal', () => {
  it('turns holidays typed any which way into sorted dates without repeats', () => {
    const parsed = submit(creating, {
      [B.accountName]: { [INPUT]: 'Acme Corp' },
      [B.holidays]: { [INPUT]: ' 2026-12-25, 2026-12-24\n2026-12-24  2027-01-01,\n' },
    });
    expect(parsed).toMatchObject({
      ok: true,
      input: { businessHours: { holidays: ['2026-12-24', '2026-12-25', '2027-01-01'] } },
    });
  });

  it('asks for the other end of a half-filled break', () => {
    const named = { [B.accountName]: { [INPUT]: 'Acme Corp' } };
    expect(submit(creating, { ...named, [B.breakStart]: { [INPUT]: '12:00' } })).toEqual({
      ok: false,
      errors: { [B.breakEnd]: 'Choose when the break ends, or clear both for none.' },
    });
    expect(submit(creating, { ...named, [B.breakEnd]: { [INPUT]: '13:00' } })).toEqual({
      ok: false,
      errors: { [B.breakStart]: 'Choose when the break starts, or clear both for none.' },
    });
  });

  it('shows every domain problem on an input block of the modal', () => {
    const fields: PartnershipField[] = [
      'accountName',
      'ownerId',
      'backupOwnerId',
      'contacts.champion',
      'contacts.executive_sponsor',
      'contacts.technical',
      'contacts.billing',
      'contacts.end_user',
      'timeZone',
      'businessHours',
      'businessHours.dailyBreak',
      'businessHours.holidays',
      'triageChannelId',
      'reactions',
      'sla.firstResponse.urgent',
      'sla.firstResponse.high',
      'sla.firstResponse.normal',
      'sla.firstResponse.low',
      'sla.updateEvery',
      'sla.resolution',
      'escalation.backupAfterNags',
      'escalation.finalAfterNags',
      'escalation.userId',
      'digest.cron',
      'digest.timeZone',
    ];
    const inputs = new Set(
      blocksOf(creating)
        .filter((b) => b.type === 'input')
        .map((b) => b.block_id),
    );
    for (const field of fields) expect(inputs, field).toContain(blockForField(field));
    expect(blockForField('sla.firstResponse.low')).toBe(B.responseLow);
    expect(blockForField('businessHours.holidays')).toBe(B.holidays);
  });
});

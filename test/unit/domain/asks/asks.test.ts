import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../../src/domain/actors.js';
import type { AskContent } from '../../../../src/domain/asks/ask.js';
import { createAsk } from '../../../../src/domain/asks/create-ask.js';
import { LIFECYCLES, nextStatuses } from '../../../../src/domain/asks/lifecycle.js';
import { updateAsk } from '../../../../src/domain/asks/update-ask.js';
import type { Directory } from '../../../../src/domain/ports.js';
import { openStore, type Store } from '../../../../src/store/open-store.js';
import { aPartnership } from '../../../support/partnership-fixture.js';
import { tempDataDir } from '../../../support/stores.js';

const vendor: Actor = { userId: 'UVENDOR1', teamId: 'TV', side: 'vendor' };
const customer: Actor = { userId: 'UCUST1', teamId: 'TC', side: 'customer' };
const content = (title = 'Export fails'): AskContent => ({
  title,
  details: 'CSV export times out',
  urgency: 'high',
  businessImpact: null,
  workaround: null,
  dueDate: null,
});

describe('asks', () => {
  let store: Store;
  let now = new Date('2026-04-01T10:00:00Z');
  const partnership = aPartnership();
  let ids = 0;
  /** Slack's answer about who is on which side, as the domain's Directory port sees it. */
  const directory: Directory = {
    sideOfUser: async (id) =>
      id.startsWith('UVENDOR') ? 'vendor' : id.startsWith('UCUST') ? 'customer' : null,
    isExternallyShared: async () => false,
  };
  const deps = () => ({ ...store, directory, clock: { now: () => now }, newId: () => `a${++ids}` });

  beforeEach(async () => {
    store = await openStore({ dataDir: tempDataDir() });
  });
  afterEach(() => store.close());

  const raise = (actor: Actor, kind: 'help' | 'enhancement' | 'vendor' = 'help', extra = {}) =>
    createAsk(deps(), {
      actor,
      partnership,
      kind,
      content: content(),
      contactId: null,
      source: null,
      ...extra,
    });

  it('numbers asks per partnership without gaps, even when created concurrently', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => raise(customer)));
    const refs = results
      .map((r) => (r.ok ? r.value.ref : 'failed'))
      .sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)));
    expect(refs).toEqual(Array.from({ length: 10 }, (_, i) => `ACME-${i + 1}`));
  });

  it('starts each kind in its initial status, owned by the partnership owner or the chosen contact', async () => {
    expect(await raise(customer)).toMatchObject({
      ok: true,
      value: { status: 'open', ownerId: partnership.ownerId },
    });
    expect(await raise(customer, 'enhancement')).toMatchObject({ ok: true, value: { status: 'submitted' } });
    expect(await raise(vendor, 'vendor', { contactId: 'UCUST1' })).toMatchObject({
      ok: true,
      value: { status: 'open', ownerId: 'UCUST1' },
    });
  });

  it('lets only the vendor ask the customer, and only of a listed contact', async () => {
    expect(await raise(customer, 'vendor', { contactId: 'UCUST1' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await raise(vendor, 'vendor', { contactId: 'USTRANGER' })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
  });

  it('raises a message only once and does not use up a number on the duplicate', async () => {
    const source = { channelId: partnership.channelId, messageTs: '1.0001' };
    const [a, b] = await Promise.all([
      raise(customer, 'help', { source }),
      raise(customer, 'help', { source }),
    ]);
    const created = [a, b].filter((r) => r?.ok);
    expect(created).toHaveLength(1);
    expect([a, b].find((r) => !r?.ok)).toMatchObject({ ok: false, error: { code: 'already_raised' } });
    expect(await raise(customer)).toMatchObject({ ok: true, value: { ref: 'ACME-2' } });
  });

  it('walks the help lifecycle with history, and refuses illegal moves and customer-side changes', async () => {
    const created = await raise(customer);
    if (!created.ok) throw new Error('not created');
    const id = created.value.id;
    const update = (actor: Actor, status: string, extra = {}) =>
      updateAsk(deps(), {
        actor,
        askId: id,
        status: status as never,
        note: null,
        internalNote: null,
        promisedDate: null,
        ownerId: null,
        ...extra,
      });

    expect(await update(customer, 'resolved')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    now = new Date('2026-04-01T11:00:00Z');
    expect(
      await update(vendor, 'acknowledged', {
        note: 'Looking at it',
        internalNote: 'probably the S3 timeout',
      }),
    ).toMatchObject({ ok: true });
    expect(await update(vendor, 'open')).toMatchObject({
      ok: false,
      error: { code: 'invalid', fields: { status: 'ACME-1 can’t go from Acknowledged to Open.' } },
    });
    expect(await update(vendor, 'resolved')).toMatchObject({ ok: true });
    expect(await update(vendor, 'open', { note: 'Reopened: it is back' })).toMatchObject({ ok: true });

    const ask = await store.asks.findById(id);
    expect(ask?.history.map((h) => [h.action, h.from, h.to, h.note])).toEqual([
      ['created', null, 'open', null],
      ['status', 'open', 'acknowledged', 'Looking at it'],
      ['status', 'acknowledged', 'resolved', null],
      ['status', 'resolved', 'open', 'Reopened: it is back'],
    ]);
    expect(ask?.internalNotes).toEqual([
      { at: new Date('2026-04-01T11:00:00Z'), by: vendor, text: 'probably the S3 timeout' },
    ]);
    expect(ask?.version).toBe(4);
  });

  it('requires a reason to decline and a promised date to plan, and records promise changes', async () => {
    const created = await raise(customer, 'enhancement');
    if (!created.ok) throw new Error('not created');
    const base = {
      actor: vendor,
      askId: created.value.id,
      note: null,
      internalNote: null,
      promisedDate: null,
      ownerId: null,
    };
    expect(await updateAsk(deps(), { ...base, status: 'declined' })).toMatchObject({
      error: { fields: { note: expect.any(String) } },
    });
    expect(await updateAsk(deps(), { ...base, status: 'planned' })).toMatchObject({
      error: { fields: { promisedDate: expect.any(String) } },
    });
    expect(await updateAsk(deps(), { ...base, status: 'planned', promisedDate: '2026-06-30' })).toMatchObject(
      { ok: true },
    );
    const moved = await updateAsk(deps(), {
      ...base,
      status: 'planned',
      promisedDate: '2026-07-15',
      note: 'Needs a schema change',
    });
    expect(moved).toMatchObject({
      ok: true,
      value: {
        ask: { promisedDate: '2026-07-15' },
        entries: [
          { action: 'note', note: 'Needs a schema change' },
          { action: 'promised_date', from: '2026-06-30', to: '2026-07-15' },
        ],
      },
    });
  });

  it('lets the customer contact who owes a vendor ask update it, but not add internal notes', async () => {
    const created = await raise(vendor, 'vendor', { contactId: 'UCUST1' });
    if (!created.ok) throw new Error('not created');
    const base = {
      askId: created.value.id,
      note: null,
      internalNote: null,
      promisedDate: null,
      ownerId: null,
    };
    expect(await updateAsk(deps(), { ...base, actor: customer, status: 'in_progress' })).toMatchObject({
      ok: true,
    });
    expect(
      await updateAsk(deps(), { ...base, actor: customer, status: 'resolved', internalNote: 'x' }),
    ).toMatchObject({
      error: { fields: { internalNote: expect.any(String) } },
    });
    const other: Actor = { userId: 'UCUST2', teamId: 'TC', side: 'customer' };
    expect(await updateAsk(deps(), { ...base, actor: other, status: 'resolved' })).toMatchObject({
      error: { code: 'forbidden' },
    });
  });

  it('has no dead ends: every non-final status of every kind can move on', () => {
    for (const [kind, lifecycle] of Object.entries(LIFECYCLES)) {
      for (const status of Object.keys(lifecycle.next)) {
        expect(nextStatuses(kind as never, status as never).length, `${kind}/${status}`).toBeGreaterThan(0);
      }
    }
  });

  it('reassigns to another vendor-side person from the update form, and only to one', async () => {
    const created = await raise(customer);
    if (!created.ok) throw new Error('not created');
    const base = {
      actor: vendor,
      askId: created.value.id,
      status: 'open' as const,
      note: null,
      internalNote: null,
      promisedDate: null,
    };
    expect(await updateAsk(deps(), { ...base, ownerId: 'UCUST2' })).toMatchObject({
      error: { fields: { ownerId: expect.any(String) } },
    });
    const moved = await updateAsk(deps(), { ...base, ownerId: 'UVENDOR7' });
    expect(moved).toMatchObject({
      ok: true,
      value: {
        ask: { ownerId: 'UVENDOR7' },
        entries: [{ action: 'owner', from: 'UVENDOR1', to: 'UVENDOR7' }],
      },
    });
  });
});

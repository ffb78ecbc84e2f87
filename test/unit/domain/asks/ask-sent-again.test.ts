import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../../src/domain/actors.js';
import { type CreateAskDeps, createAsk } from '../../../../src/domain/asks/create-ask.js';
import { openStore, type Store } from '../../../../src/store/open-store.js';
import { aPartnership } from '../../../support/partnership-fixture.js';
import { tempDataDir } from '../../../support/stores.js';

const customer: Actor = { userId: 'UCUST1', teamId: 'TC', side: 'customer' };
const content = (title: string) => ({
  title,
  details: 'CSV export times out',
  urgency: 'normal' as const,
  businessImpact: null,
  workaround: null,
  dueDate: null,
});

/** A form sent again after "try again": the same request id, whatever became of the first sending. */
describe('an ask request sent again', () => {
  let store: Store;
  let ids = 0;
  const partnership = aPartnership();
  const deps = (): CreateAskDeps => ({
    ...store,
    clock: { now: () => new Date('2026-04-01T10:00:00Z') },
    newId: () => `a${++ids}`,
  });
  const raise = (title: string, requestId?: string, using = deps()) =>
    createAsk(using, {
      actor: customer,
      partnership,
      kind: 'help',
      content: content(title),
      contactId: null,
      source: null,
      ...(requestId === undefined ? {} : { requestId }),
    });
  const refsStored = async () =>
    (await store.asks.listRaisedBy(customer.userId, 10)).map((ask) => ask.ref).sort();

  beforeEach(async () => {
    store = await openStore({ dataDir: tempDataDir() });
  });
  afterEach(() => store.close());

  it('gets the ask of its first sending, and uses up no number', async () => {
    const first = await raise('Export fails', 'V0FORM1');
    const again = await raise('Export fails', 'V0FORM1');
    expect(first).toMatchObject({ ok: true, value: { id: 'V0FORM1', ref: 'ACME-1' } });
    expect(again).toEqual(first);
    expect(await raise('Another one')).toMatchObject({ ok: true, value: { ref: 'ACME-2' } });
    expect(await refsStored()).toEqual(['ACME-1', 'ACME-2']);
  });

  it('makes no second ask when the first sending lands while it is under way: a number is skipped', async () => {
    const first = await raise('Export fails', 'V0FORM1');
    // The first sending's insert was not in the store yet when the second one looked for it.
    let lookups = 0;
    const findById = async (id: string) => (++lookups === 1 ? null : store.asks.findById(id));
    const notYetLanded = { ...deps(), asks: { ...store.asks, findById } };
    expect(await raise('Export fails', 'V0FORM1', notYetLanded)).toEqual(first);
    expect(await raise('Another one')).toMatchObject({ ok: true, value: { ref: 'ACME-3' } });
    expect(await refsStored()).toEqual(['ACME-1', 'ACME-3']);
  });
});

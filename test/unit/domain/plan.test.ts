import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/domain/actors.js';
import {
  checkPlan,
  type LookUpPerson,
  MAX_MEETING_CADENCE,
  MAX_SHARED,
  type PersonFacts,
  type PlanContent,
  peopleIn,
} from '../../../src/domain/plan/communication-plan.js';
import { defaultPlan, planOf } from '../../../src/domain/plan/default-plan.js';
import { saveCommunicationPlan } from '../../../src/domain/plan/save-plan.js';
import { openStore, type Store } from '../../../src/store/open-store.js';
import { aPartnership, aPlan } from '../../support/partnership-fixture.js';
import { tempDataDir } from '../../support/stores.js';

const people: Record<string, PersonFacts> = {
  UVENDOR1: { side: 'vendor', inChannel: true },
  UVENDOR2: { side: 'vendor', inChannel: true },
  UVENDOR9: { side: 'vendor', inChannel: false },
  UCUST1: { side: 'customer', inChannel: true },
  UCUST2: { side: 'customer', inChannel: true },
  UCUST3: { side: 'customer', inChannel: true },
};
const lookUp: LookUpPerson = (id) => people[id] ?? null;
const content = (overrides: Partial<PlanContent> = {}): PlanContent => {
  const { updatedBy: _by, updatedAt: _at, ...plan } = aPlan();
  return { ...plan, ...overrides };
};

describe('the default communication plan', () => {
  it('is derived from the setup: owner, final escalation and customer contacts by role', () => {
    const p = aPartnership({
      ownerId: 'UOWNER',
      backupOwnerId: 'UBACKUP',
      escalation: { backupAfterNags: 2, finalAfterNags: 4, userId: 'ULEAD' },
      contacts: [
        { userId: 'UCHAMP', role: 'champion' },
        { userId: 'UEXEC', role: 'executive_sponsor' },
        { userId: 'UTECH1', role: 'technical' },
        { userId: 'UTECH2', role: 'technical' },
        { userId: 'UBILL', role: 'billing' },
      ],
    });
    expect(defaultPlan(p)).toEqual({
      contacts: {
        technical: { vendor: 'UOWNER', customer: 'UTECH1' },
        billing: { vendor: null, customer: 'UBILL' },
        escalation: { vendor: 'ULEAD', customer: 'UCHAMP' },
        executive: { vendor: null, customer: 'UEXEC' },
      },
      meetingCadence: '',
      shared: '',
    });
  });

  it('falls back to the owner and the champion or sponsor, and names nobody it does not know', () => {
    const p = aPartnership({
      ownerId: 'UOWNER',
      escalation: { backupAfterNags: 2, finalAfterNags: 4, userId: null },
      contacts: [{ userId: 'UEXEC', role: 'executive_sponsor' }],
    });
    expect(defaultPlan(p).contacts).toEqual({
      technical: { vendor: 'UOWNER', customer: null },
      billing: { vendor: null, customer: null },
      escalation: { vendor: 'UOWNER', customer: 'UEXEC' },
      executive: { vendor: null, customer: 'UEXEC' },
    });
    const champion = aPartnership({ contacts: [{ userId: 'UCHAMP', role: 'champion' }] });
    expect(defaultPlan(champion).contacts.technical.customer).toBe('UCHAMP');
  });

  it('is what is shown until a plan is saved; then the saved plan is', () => {
    const p = aPartnership();
    expect(planOf(p)).toEqual({ content: defaultPlan(p), saved: null });
    const plan = aPlan();
    expect(planOf({ ...p, plan })).toEqual({ content: plan, saved: plan });
  });
});

describe('checking a plan', () => {
  it('accepts people on their own side who are in the channel, and empty slots', () => {
    expect(checkPlan(content(), lookUp)).toEqual({});
    expect(peopleIn(content())).toEqual(['UVENDOR2', 'UCUST2', 'UCUST3', 'UVENDOR1', 'UCUST1']);
  });

  it('refuses people on the wrong side, outside the channel or unknown, each on its slot', () => {
    const plan = content({
      contacts: {
        technical: { vendor: 'UCUST1', customer: 'UVENDOR1' },
        billing: { vendor: 'UVENDOR9', customer: null },
        escalation: { vendor: 'UGONE', customer: 'UCUST1' },
        executive: { vendor: null, customer: null },
      },
    });
    expect(checkPlan(plan, lookUp)).toEqual({
      'contacts.technical.vendor': 'Pick someone at your company here: this is your side’s contact.',
      'contacts.technical.customer': 'Pick someone at the customer here, not at your company.',
      'contacts.billing.vendor': 'Not in this channel: invite them first, or pick someone else.',
      'contacts.escalation.vendor': 'Slack does not know this person. Pick them again.',
    });
  });

  it('bounds the meeting cadence and what is shared', () => {
    const ok = content({ meetingCadence: 'x'.repeat(MAX_MEETING_CADENCE), shared: 'y'.repeat(MAX_SHARED) });
    expect(checkPlan(ok, lookUp)).toEqual({});
    const long = content({
      meetingCadence: 'x'.repeat(MAX_MEETING_CADENCE + 1),
      shared: 'y'.repeat(MAX_SHARED + 1),
    });
    expect(checkPlan(long, lookUp)).toEqual({
      meetingCadence: `Keep it under ${MAX_MEETING_CADENCE} characters (it has ${MAX_MEETING_CADENCE + 1}).`,
      shared: `Keep it under ${MAX_SHARED} characters (it has ${MAX_SHARED + 1}).`,
    });
  });
});

describe('saving a plan', () => {
  const vendor: Actor = { userId: 'UVENDOR1', teamId: 'TVENDOR', side: 'vendor' };
  const customer: Actor = { userId: 'UCUST1', teamId: 'TCUST', side: 'customer' };
  const now = new Date('2026-05-04T08:00:00Z');
  let store: Store;
  const deps = () => ({ partnerships: store.partnerships, clock: { now: () => now } });

  beforeEach(async () => {
    store = await openStore({ dataDir: tempDataDir() });
  });
  afterEach(() => store.close());

  it('stores it with who and when, trimmed, bumping the version; a stale form conflicts', async () => {
    const p = aPartnership();
    await store.partnerships.insert(p);
    const request = { actor: vendor, partnership: p, expectedVersion: 1, lookUp };
    const saved = await saveCommunicationPlan(deps(), {
      ...request,
      content: content({ meetingCadence: '  Weekly  ', shared: '\nRoadmap\n' }),
    });
    const plan = {
      ...content({ meetingCadence: 'Weekly', shared: 'Roadmap' }),
      updatedBy: 'UVENDOR1',
      updatedAt: now,
    };
    expect(saved).toEqual({ ok: true, value: { ...p, plan, version: 2 } });
    expect(await store.partnerships.findById(p.id)).toEqual({ ...p, plan, version: 2 });

    // Read before the save above, written after it: the store's compare-and-set refuses it.
    const stale = await saveCommunicationPlan(deps(), { ...request, content: content({ shared: 'Stale' }) });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await store.partnerships.findById(p.id))?.plan?.shared).toBe('Roadmap');
  });

  it('refuses customers, invalid plans and forms opened on an older version, without writing', async () => {
    const p = aPartnership();
    await store.partnerships.insert(p);
    const request = { partnership: p, expectedVersion: 1, content: content(), lookUp };
    expect(await saveCommunicationPlan(deps(), { ...request, actor: customer })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const wrongSide = content({
      contacts: { ...content().contacts, billing: { vendor: 'UCUST3', customer: null } },
    });
    expect(await saveCommunicationPlan(deps(), { ...request, actor: vendor, content: wrongSide })).toEqual({
      ok: false,
      error: {
        code: 'invalid',
        fields: {
          'contacts.billing.vendor': 'Pick someone at your company here: this is your side’s contact.',
        },
      },
    });
    const older = { ...request, actor: vendor, partnership: { ...p, version: 2 } };
    expect(await saveCommunicationPlan(deps(), older)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await store.partnerships.findById(p.id)).toEqual(p);
  });
});

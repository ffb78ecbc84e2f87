import { describe, expect, it } from 'vitest';
import {
  fromPartnershipDocument,
  toPartnershipDocument,
} from '../../../src/store/repositories/partnership-repository.js';
import { aPartnership, aPlan } from '../../support/partnership-fixture.js';

describe('the plan in the stored partnership document', () => {
  it('maps both ways, field by field', () => {
    const p = aPartnership({ plan: aPlan(), planMessageTs: '1700000000.000300' });
    const doc = toPartnershipDocument(p);
    expect(doc.plan).toEqual(aPlan());
    expect(doc.planMessageTs).toBe('1700000000.000300');
    expect(fromPartnershipDocument(doc)).toEqual(p);
  });

  it('reads documents stored before plans existed as having none, and a purpose missing as nobody', () => {
    const { plan: _plan, planMessageTs: _ts, ...older } = toPartnershipDocument(aPartnership());
    expect(fromPartnershipDocument(older)).toMatchObject({ plan: null, planMessageTs: null });

    const doc = toPartnershipDocument(aPartnership({ plan: aPlan() }));
    const { executive: _executive, ...contacts } = doc.plan?.contacts ?? {};
    const read = fromPartnershipDocument({
      ...doc,
      plan: { ...(doc.plan as NonNullable<typeof doc.plan>), contacts },
    });
    expect(read.plan?.contacts.executive).toEqual({ vendor: null, customer: null });
    expect(read.plan?.contacts.technical).toEqual({ vendor: 'UVENDOR2', customer: 'UCUST2' });
  });
});

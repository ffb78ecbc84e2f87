import { describe, expect, it } from 'vitest';
import type { Feedback } from '../../src/domain/feedback/feedback.js';
import type { Store } from '../../src/store/open-store.js';
import { storeForEachTest, storeKinds } from '../support/stores.js';

const aRequest = (overrides: Partial<Feedback> = {}): Feedback => ({
  askId: 'ask-1',
  ref: 'ACME-1',
  partnershipId: 'p-1',
  userId: 'UCUST1',
  askedAt: new Date('2026-03-01T10:00:00Z'),
  rating: null,
  comment: null,
  ratedAt: null,
  ...overrides,
});

describe.each(storeKinds())('feedback store contract: $name', (kind) => {
  let store: Store;
  storeForEachTest(kind, (opened) => {
    store = opened;
  });

  it('keeps one request per ask and stores the rating and comment', async () => {
    expect(await store.feedback.insert(aRequest())).toBe('inserted');
    expect(await store.feedback.insert(aRequest({ askedAt: new Date('2026-03-02T10:00:00Z') }))).toBe(
      'duplicate',
    );
    const rated = aRequest({
      rating: 'bad',
      comment: 'Took three days',
      ratedAt: new Date('2026-03-01T11:00:00Z'),
    });
    await store.feedback.save(rated);
    expect(await store.feedback.findByAsk('ask-1')).toEqual(rated);
    expect(await store.feedback.findByAsk('ask-2')).toBeNull();
  });

  it('tells when a person was last asked in a partnership', async () => {
    await store.feedback.insert(aRequest({ askId: 'a', askedAt: new Date('2026-03-01T10:00:00Z') }));
    await store.feedback.insert(aRequest({ askId: 'b', askedAt: new Date('2026-03-05T10:00:00Z') }));
    await store.feedback.insert(
      aRequest({ askId: 'c', partnershipId: 'p-2', askedAt: new Date('2026-03-09T10:00:00Z') }),
    );
    expect(await store.feedback.lastAskedAt('p-1', 'UCUST1')).toEqual(new Date('2026-03-05T10:00:00Z'));
    expect(await store.feedback.lastAskedAt('p-1', 'USOMEONE')).toBeNull();
  });
});

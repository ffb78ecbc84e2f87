import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../src/domain/asks/ask.js';
import { COMMENT_MAX, rate } from '../../../src/domain/feedback/rate.js';
import { requestFeedback } from '../../../src/domain/feedback/request-feedback.js';
import { openStore, type Store } from '../../../src/store/open-store.js';
import { anAsk } from '../../support/ask-fixture.js';
import { tempDataDir } from '../../support/stores.js';

const resolvedAt = (at: Date): HistoryEntry[] => [
  {
    at,
    by: { userId: 'UV', teamId: 'TV', side: 'vendor' },
    action: 'status',
    from: 'in_progress',
    to: 'resolved',
    note: null,
  },
];

describe('requestFeedback', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore({ dataDir: tempDataDir() });
  });
  afterEach(() => store.close());

  it('asks after a help request is resolved, once per ask, and not within 7 days for the same person', async () => {
    const day1 = new Date('2026-06-01T10:00:00Z');
    const first = anAsk();
    expect(await requestFeedback(store.feedback, first, resolvedAt(day1), day1)).toMatchObject({
      askId: first.id,
      userId: 'UCUST1',
    });
    expect(
      await requestFeedback(store.feedback, first, resolvedAt(day1), new Date('2026-07-01T10:00:00Z')),
    ).toBeNull();

    const sixDaysLater = new Date('2026-06-07T09:59:00Z');
    expect(await requestFeedback(store.feedback, anAsk(), resolvedAt(sixDaysLater), sixDaysLater)).toBeNull();
    const sevenDaysLater = new Date('2026-06-08T10:00:00Z');
    expect(
      await requestFeedback(store.feedback, anAsk(), resolvedAt(sevenDaysLater), sevenDaysLater),
    ).not.toBeNull();
    const someoneElse = anAsk({ requester: { userId: 'UCUST2', teamId: 'TC', side: 'customer' } });
    expect(
      await requestFeedback(store.feedback, someoneElse, resolvedAt(sixDaysLater), sixDaysLater),
    ).not.toBeNull();
  });

  it('does not ask about enhancements, or about changes that are not a resolution', async () => {
    const now = new Date('2026-06-01T10:00:00Z');
    expect(
      await requestFeedback(store.feedback, anAsk({ kind: 'enhancement' }), resolvedAt(now), now),
    ).toBeNull();
    const acknowledged: HistoryEntry[] = [{ ...(resolvedAt(now)[0] as HistoryEntry), to: 'acknowledged' }];
    expect(await requestFeedback(store.feedback, anAsk(), acknowledged, now)).toBeNull();
  });
});

describe('rate', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore({ dataDir: tempDataDir() });
  });
  afterEach(() => store.close());

  it('refuses a comment over its maximum, whatever sent it, and keeps the one before', async () => {
    const now = new Date('2026-06-01T10:00:00Z');
    const ask = anAsk();
    const requested = await requestFeedback(store.feedback, ask, resolvedAt(now), now);
    const actor = { userId: requested?.userId ?? '', teamId: 'TC', side: 'customer' as const };
    const rated = await rate(store.feedback, { askId: ask.id, actor, comment: 'Quick and kind', now });
    expect(rated.ok).toBe(true);
    const tooLong = await rate(store.feedback, {
      askId: ask.id,
      actor,
      comment: 'x'.repeat(COMMENT_MAX + 1),
      now,
    });
    expect(tooLong).toEqual({
      ok: false,
      error: {
        code: 'invalid',
        message: `Keep it to ${COMMENT_MAX} characters (shorten it and send again).`,
      },
    });
    expect((await store.feedback.findByAsk(ask.id))?.comment).toBe('Quick and kind');
  });
});

import { describe, expect, it } from 'vitest';
import {
  afterAttempt,
  deliveryRetryDelayMs,
  type WebhookDelivery,
} from '../../../src/domain/webhooks/webhook-delivery.js';

const queuedAt = new Date('2026-11-24T09:00:00Z');
const pending: WebhookDelivery = {
  id: 'e1:ev1',
  endpointId: 'e1',
  eventId: 'ev1',
  type: 'ask.raised',
  orderKey: 'ask:a1',
  seq: 0,
  body: '{}',
  createdAt: queuedAt,
  status: 'pending',
  attempts: 0,
  nextAttemptAt: queuedAt,
  lastAttemptAt: null,
  lastStatus: null,
  lastError: null,
};
const later = (minutes: number) => new Date(queuedAt.getTime() + minutes * 60_000);

describe('a delivery after an attempt', () => {
  it('is delivered on any 2xx', () => {
    expect(afterAttempt(pending, { kind: 'answered', status: 202 }, later(0))).toMatchObject({
      status: 'delivered',
      attempts: 1,
      lastStatus: 202,
      lastError: null,
    });
  });

  it('waits 30 s, then twice as long each time, at most 2 hours', () => {
    expect([1, 2, 3, 4, 8, 9, 20].map(deliveryRetryDelayMs)).toEqual([
      30_000, 60_000, 120_000, 240_000, 3_840_000, 7_200_000, 7_200_000,
    ]);
    const failed = afterAttempt(pending, { kind: 'answered', status: 500 }, later(0));
    expect(failed).toMatchObject({
      status: 'pending',
      lastError: 'HTTP 500',
      nextAttemptAt: new Date(queuedAt.getTime() + 30_000),
    });
  });

  it('fails for good on 410 and on a refused address, and is given up once a retry would pass 24 hours', () => {
    expect(afterAttempt(pending, { kind: 'answered', status: 410 }, later(0)).status).toBe('failed');
    expect(afterAttempt(pending, { kind: 'refused', error: 'private' }, later(0)).status).toBe('failed');
    const late = { ...pending, attempts: 12 };
    expect(afterAttempt(late, { kind: 'failed', error: 'timeout' }, later(23 * 60)).status).toBe('given_up');
    expect(afterAttempt(late, { kind: 'failed', error: 'timeout' }, later(21 * 60)).status).toBe('pending');
  });
});

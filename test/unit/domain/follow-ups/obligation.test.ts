import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../../src/domain/actors.js';
import type { Ask, HistoryEntry } from '../../../../src/domain/asks/ask.js';
import { askObligation, messageObligation } from '../../../../src/domain/sla/obligation.js';
import { anAsk } from '../../../support/ask-fixture.js';
import { aPartnership } from '../../../support/partnership-fixture.js';

// Europe/Berlin, Mon–Fri 09:00–17:00 (08:00–16:00 UTC in November). Monday 23 November 2026.
const p = aPartnership();
const vendor: Actor = { userId: 'UVENDOR1', teamId: 'TVENDOR', side: 'vendor' };
const customer: Actor = { userId: 'UCUST1', teamId: 'TCUST', side: 'customer' };
const t = (iso: string) => new Date(`2026-11-${iso}Z`);

function helpAsk(
  urgency: 'urgent' | 'high' | 'normal',
  history: Partial<HistoryEntry>[] = [],
  extra: Partial<Ask> = {},
) {
  const createdAt = t('23T08:00:00');
  return anAsk({
    createdAt,
    content: { ...anAsk().content, urgency },
    history: [
      { at: createdAt, by: customer, action: 'created', from: null, to: 'open', note: null },
      ...history.map((h) => ({
        at: createdAt,
        by: vendor,
        action: 'status' as const,
        from: null,
        to: null,
        note: null,
        ...h,
      })),
    ],
    ...extra,
  });
}

describe('first response', () => {
  it('is due after the urgency’s target in business time, with a heads-up at 80%', () => {
    const o = askObligation(helpAsk('high'), p);
    expect(o).toMatchObject({ target: 'first_response', ownerId: 'UVENDOR1', side: 'vendor' });
    expect(o?.dueAt).toEqual(t('23T12:00:00'));
    expect(o?.warnAt).toEqual(t('23T11:12:00'));
  });

  it('counts only business time: an urgent ask raised at 15:30 UTC is due the next morning', () => {
    const ask = helpAsk('urgent', [], { createdAt: t('23T15:30:00') });
    expect(askObligation(ask, p)?.dueAt).toEqual(t('24T08:30:00'));
  });

  it.each([
    ['a vendor status change', { action: 'status' as const, to: 'acknowledged' }],
    ['a vendor note', { action: 'note' as const, note: 'Looking' }],
    ['vendor details', { action: 'details' as const, note: 'Found it' }],
  ])('is given by %s, after which the update cadence runs from it', (_name, entry) => {
    const o = askObligation(helpAsk('high', [{ ...entry, at: t('23T09:00:00') }]), p);
    expect(o?.target).toBe('update');
    expect(o?.dueAt).toEqual(t('24T09:00:00'));
  });

  it('is given by a vendor reply in the thread', () => {
    const replied = { firstAt: t('23T10:00:00'), lastAt: t('23T10:00:00') };
    expect(askObligation(helpAsk('high', [], { threadReplies: replied }), p)?.target).toBe('update');
  });

  it('is not given by the customer’s own notes', () => {
    const o = askObligation(helpAsk('high', [{ by: customer, action: 'details', at: t('23T09:00:00') }]), p);
    expect(o?.target).toBe('first_response');
  });
});

describe('pause and resume', () => {
  it('stops the clock while waiting on the customer and resumes with the time left', () => {
    // Answered at 09:00 (update due in 8 business hours), waiting on the customer from 10:00 to 14:00.
    const ask = helpAsk('high', [
      { at: t('23T09:00:00'), to: 'waiting_on_customer' },
      { at: t('23T09:00:00'), to: 'in_progress', by: customer },
    ]);
    expect(askObligation(ask, p)?.dueAt).toEqual(t('24T09:00:00'));
    const paused = helpAsk('high', [
      { at: t('23T09:00:00'), action: 'note', note: 'On it' },
      { at: t('23T10:00:00'), to: 'waiting_on_customer' },
    ]);
    expect(askObligation(paused, p)?.dueAt).toBeNull();
    const resumed = helpAsk('high', [
      { at: t('23T09:00:00'), action: 'note', note: 'On it' },
      { at: t('23T10:00:00'), to: 'waiting_on_customer' },
      { at: t('23T14:00:00'), to: 'in_progress', by: customer },
    ]);
    // The 10:00 status change is the latest update; its 8 hours start when the clock resumes at 14:00:
    // 2 on Monday, 6 on Tuesday. Without the pause they would have ended on Tuesday at 10:00.
    expect(askObligation(resumed, p)?.dueAt).toEqual(t('24T14:00:00'));
  });

  it('owes nothing once the ask is closed', () => {
    expect(
      askObligation(helpAsk('high', [{ at: t('23T09:00:00'), to: 'resolved' }], { status: 'resolved' }), p),
    ).toBeNull();
  });
});

describe('other subjects', () => {
  it('an acknowledged enhancement owes nothing more', () => {
    const ask = anAsk({
      kind: 'enhancement',
      status: 'under_review',
      history: [
        { at: t('23T08:00:00'), by: customer, action: 'created', from: null, to: 'submitted', note: null },
        {
          at: t('23T09:00:00'),
          by: vendor,
          action: 'status',
          from: 'submitted',
          to: 'under_review',
          note: null,
        },
      ],
    });
    expect(askObligation(ask, p)).toBeNull();
  });

  it('a request to the customer is owed by its contact by the end of its due date', () => {
    const ask = anAsk({
      kind: 'vendor',
      ownerId: 'UCUST2',
      createdAt: t('23T08:00:00'),
      content: { ...anAsk().content, urgency: null, dueDate: '2026-11-25' },
    });
    const o = askObligation(ask, p);
    expect(o).toMatchObject({ target: 'due_date', ownerId: 'UCUST2', side: 'customer' });
    expect(o?.dueAt).toEqual(t('25T16:00:00'));
    expect(o?.warnAt).toEqual(t('25T08:00:00'));
  });

  it('an unanswered message is owed a reply within the normal target', () => {
    const message = {
      id: 'C:1',
      partnershipId: p.id,
      channelId: 'C',
      ts: '1',
      author: customer,
      preview: 'Is the API down?',
      postedAt: t('23T12:00:00'),
      ownerId: 'UVENDOR1',
      closed: null,
    };
    expect(messageObligation(message, p)?.dueAt).toEqual(t('24T12:00:00'));
    expect(
      messageObligation({ ...message, closed: { at: t('23T13:00:00'), by: 'U', reason: 'reply' } }, p),
    ).toBeNull();
  });
});

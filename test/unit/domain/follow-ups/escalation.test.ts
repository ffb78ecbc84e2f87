import { describe, expect, it } from 'vitest';
import { recipientsFor } from '../../../../src/domain/follow-ups/escalation.js';
import type { FollowUp } from '../../../../src/domain/follow-ups/follow-up.js';
import { blankFollowUp, recordReminderSent, refresh } from '../../../../src/domain/follow-ups/plan.js';
import type { Obligation } from '../../../../src/domain/sla/obligation.js';
import { aPartnership } from '../../../support/partnership-fixture.js';

// Backup after 2 overdue reminders, the last rung after 4 (defaults); owner UVENDOR1, backup UVENDOR2.
const p = aPartnership({ triageChannelId: 'CTRIAGE1' });
const t = (iso: string) => new Date(`2026-11-${iso}Z`);
const obligation: Obligation = {
  ownerId: 'UVENDOR1',
  side: 'vendor',
  target: 'first_response',
  dueAt: t('23T09:00:00'),
  warnAt: t('23T08:48:00'),
};
const start = () =>
  refresh(
    blankFollowUp({ type: 'ask', id: 'a1' }, p.id, 'ask:a1', t('23T08:00:00')),
    obligation,
    p,
    t('23T08:00:00'),
  );
const ids = (f: FollowUp, kind: 'due_soon' | 'overdue') => recipientsFor(f, p, kind).map((r) => r.id);

describe('the reminder schedule', () => {
  it('gives a heads-up, then the overdue reminder, then one every two business hours', () => {
    let f = start();
    expect(f.nextNagAt).toEqual(t('23T08:48:00'));
    f = recordReminderSent(f, obligation, p, 'due_soon', recipientsFor(f, p, 'due_soon'), t('23T08:48:00'));
    expect(f.nextNagAt).toEqual(t('23T09:00:00'));
    f = recordReminderSent(f, obligation, p, 'overdue', recipientsFor(f, p, 'overdue'), t('23T09:00:00'));
    expect(f.nextNagAt).toEqual(t('23T11:00:00'));
    f = recordReminderSent(f, obligation, p, 'overdue', recipientsFor(f, p, 'overdue'), t('23T15:00:00'));
    expect(f.nextNagAt).toEqual(t('24T09:00:00')); // one hour left on Monday, one on Tuesday
  });

  it('waits for a snooze to end', () => {
    const f = refresh(
      { ...start(), snooze: { until: t('24T08:00:00'), reason: 'x', by: 'U' } },
      obligation,
      p,
      t('23T08:00:00'),
    );
    expect(f.nextNagAt).toEqual(t('24T08:00:00'));
  });

  it('starts a new round when the due time moves (a response came in)', () => {
    let f = start();
    f = recordReminderSent(f, obligation, p, 'overdue', recipientsFor(f, p, 'overdue'), t('23T09:00:00'));
    const next = refresh(
      f,
      { ...obligation, target: 'update', dueAt: t('24T10:00:00'), warnAt: t('24T08:30:00') },
      p,
      t('23T10:00:00'),
    );
    expect(next.round).toMatchObject({ overdueNags: 0, warned: false, reached: [] });
    expect(next.nextNagAt).toEqual(t('24T08:30:00'));
  });
});

describe('the escalation ladder', () => {
  it('climbs owner -> backup -> triage channel and records each first reach as an escalation', () => {
    let f = start();
    const steps: string[][] = [];
    for (let i = 0; i < 5; i++) {
      steps.push(ids(f, 'overdue'));
      f = recordReminderSent(
        f,
        obligation,
        p,
        'overdue',
        recipientsFor(f, p, 'overdue'),
        t(`23T${10 + i}:00:00`),
      );
    }
    expect(steps).toEqual([
      ['UVENDOR1'],
      ['UVENDOR1'],
      ['UVENDOR1', 'UVENDOR2'],
      ['UVENDOR1', 'UVENDOR2'],
      ['UVENDOR1', 'UVENDOR2', 'CTRIAGE1'],
    ]);
    expect(f.trail.filter((e) => e.action === 'escalated').map((e) => e.to)).toEqual([
      'UVENDOR2',
      'CTRIAGE1',
    ]);
  });

  it('keeps a heads-up with the owner however late it is', () => {
    const f = { ...start(), round: { ...start().round, overdueNags: 9 } };
    expect(ids(f, 'due_soon')).toEqual(['UVENDOR1']);
  });

  it('names the escalation user over the triage channel, and the vendor owner above a customer contact', () => {
    const named = aPartnership({ escalation: { backupAfterNags: 1, finalAfterNags: 2, userId: 'UBOSS' } });
    const late = { ...start(), round: { ...start().round, overdueNags: 2 } };
    expect(recipientsFor(late, named, 'overdue').map((r) => [r.id, r.rung])).toEqual([
      ['UVENDOR1', 'owner'],
      ['UVENDOR2', 'backup'],
      ['UBOSS', 'final'],
    ]);
    const owedByCustomer = { ...late, ownerId: 'UCUST1', side: 'customer' as const };
    expect(recipientsFor(owedByCustomer, named, 'overdue').map((r) => r.id)).toEqual([
      'UCUST1',
      'UVENDOR1',
      'UBOSS',
    ]);
  });
});

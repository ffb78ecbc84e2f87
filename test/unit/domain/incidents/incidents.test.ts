import { describe, expect, it } from 'vitest';
import type { Announcement } from '../../../../src/domain/announcements/announcement.js';
import { incidentsOfPeriod } from '../../../../src/domain/digests/digest-incidents.js';
import type { DigestSources } from '../../../../src/domain/digests/digest-sources.js';
import { checkIncidentUpdate } from '../../../../src/domain/incidents/check-incident-update.js';
import { type Incident, newIncident } from '../../../../src/domain/incidents/incident.js';

import { aSentIncident } from '../../../support/announcement-fixture.js';

const at = (iso: string) => new Date(`2026-11-${iso}:00Z`);

const anIncident = (title: string, startedAt: Date, incident: Partial<Incident> = {}): Announcement =>
  aSentIncident(
    startedAt,
    { id: title, title, body: 'body', partnershipIds: ['p-1', 'p-2', 'p-3'] },
    incident,
  );

describe('checkIncidentUpdate', () => {
  const open = newIncident('investigating');
  const resolved = { ...open, status: 'resolved' as const, resolvedAt: at('20T10:00') };

  it('takes any status with text while open, and only a reopening one once resolved', () => {
    expect(checkIncidentUpdate(open, { status: 'resolved', text: 'Fixed.' })).toEqual({});
    expect(checkIncidentUpdate(resolved, { status: 'investigating', text: 'Back.' })).toEqual({});
    expect(checkIncidentUpdate(resolved, { status: 'resolved', text: 'Still fixed.' })).toEqual({
      status: 'This incident is resolved: choose another status to reopen it.',
    });
  });

  it('refuses empty text and text over Block Kit’s 3,000 characters', () => {
    expect(checkIncidentUpdate(open, { status: 'identified', text: ' \n ' })).toEqual({
      text: 'Write what customers should know now.',
    });
    expect(checkIncidentUpdate(open, { status: 'identified', text: 'x'.repeat(3001) }).text).toMatch(
      /^Keep it to 3000 characters/,
    );
    expect(checkIncidentUpdate(open, { status: 'identified', text: 'x'.repeat(3000) })).toEqual({});
  });
});

describe('incidentsOfPeriod', () => {
  const period = { start: at('16T08:00'), end: at('23T08:00'), first: false };
  const sources = (incidents: Announcement[]) => ({ period, now: period.end, incidents }) as DigestSources;

  it('lists those open at some time in the period, oldest first, with how many partnerships each was sent to', () => {
    const listed = incidentsOfPeriod(
      sources([
        anIncident('still open', at('22T09:00')),
        anIncident('resolved in the period', at('15T23:00'), {
          status: 'resolved',
          resolvedAt: at('16T09:00'),
        }),
        anIncident('resolved before', at('10T09:00'), { status: 'resolved', resolvedAt: at('15T09:00') }),
        anIncident('after the period', at('23T09:00')),
      ]),
    );
    expect(listed).toEqual([
      {
        title: 'resolved in the period',
        status: 'resolved',
        startedAt: at('15T23:00'),
        resolvedAt: at('16T09:00'),
        partnerships: 3,
      },
      {
        title: 'still open',
        status: 'investigating',
        startedAt: at('22T09:00'),
        resolvedAt: null,
        partnerships: 3,
      },
    ]);
  });
});

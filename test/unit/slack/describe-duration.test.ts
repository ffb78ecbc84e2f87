import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA } from '../../../src/domain/partnerships/partnership.js';
import {
  describeDuration,
  describeDurationWithDays,
  describeResponseTargets,
} from '../../../src/slack/shared/describe-duration.js';

describe('describeDuration', () => {
  it('says minutes, business hours, and both', () => {
    expect(describeDuration(15)).toBe('15 min');
    expect(describeDuration(60)).toBe('1 business hour');
    expect(describeDuration(90)).toBe('1 business hour 30 min');
    expect(describeDuration(480)).toBe('8 business hours');
  });

  it('adds whole business days when choosing', () => {
    expect(describeDurationWithDays(240)).toBe('4 business hours');
    expect(describeDurationWithDays(480)).toBe('8 business hours (1 business day)');
    expect(describeDurationWithDays(4800)).toBe('80 business hours (10 business days)');
    expect(describeDurationWithDays(500)).toBe('8 business hours 20 min');
  });

  it('reads response targets most urgent first', () => {
    expect(describeResponseTargets(DEFAULT_SLA.firstResponse)).toBe(
      'urgent requests within 1 business hour, high within 4 business hours, ' +
        'normal within 8 business hours and low within 16 business hours',
    );
  });
});

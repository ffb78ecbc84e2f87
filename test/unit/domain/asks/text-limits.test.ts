import { describe, expect, it } from 'vitest';
import { CUT_MARKER, cutToFit, oversizeAskFields } from '../../../../src/domain/asks/text-limits.js';

describe('text limits of an ask', () => {
  it('keeps text that fits, and cuts longer text to the maximum with a visible marker, never through an emoji', () => {
    expect(cutToFit('short', 100)).toBe('short');
    const cut = cutToFit('a'.repeat(200), 100);
    expect(cut).toHaveLength(100);
    expect(cut.endsWith(CUT_MARKER)).toBe(true);
    const end = 100 - CUT_MARKER.length;
    const emoji = cutToFit(`${'a'.repeat(end - 1)}😀${'b'.repeat(100)}`, 100);
    expect(emoji).toBe(`${'a'.repeat(end - 1)}${CUT_MARKER}`);
  });

  it('names each field over its maximum', () => {
    const content = {
      title: 't'.repeat(151),
      details: 'd'.repeat(3000),
      urgency: null,
      businessImpact: 'b'.repeat(3001),
      workaround: null,
      dueDate: null,
    };
    expect(Object.keys(oversizeAskFields(content)).sort()).toEqual(['businessImpact', 'title']);
  });
});

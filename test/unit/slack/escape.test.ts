import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeText, safeText, truncate } from '../../../src/slack/shared/escape.js';

/** Everything Slack would turn into a ping or a link, in its raw or escaped-control form. */
const PINGS = /<[!@#]|<https?:|(^|[^\u2060])@(channel|here|everyone)/i;

const hostile = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '<!channel>',
    '<!here>',
    '<!everyone>',
    '@channel',
    '@here',
    '@everyone',
    '<@U123>',
    '<#C1|x>',
    '<https://x|y>',
    '&',
    '&amp;',
    '>',
    '<',
    '*',
    '`',
    '🙂',
  ),
);
const hostileText = fc.array(hostile, { maxLength: 30 }).map((parts) => parts.join(''));

describe('escapeText', () => {
  it('turns control sequences into visible text', () => {
    expect(escapeText('<!channel> hi <@U123> & <https://evil|ok>')).toBe(
      '&lt;!channel&gt; hi &lt;@U123&gt; &amp; &lt;https://evil|ok&gt;',
    );
  });

  it('keeps bare broadcasts from being parsed as mentions', () => {
    expect(escapeText('ping @here and @Channel')).toBe('ping @\u2060here and @\u2060Channel');
  });

  it('never lets any text ping or link, whatever it contains (property)', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        expect(escapeText(text)).not.toMatch(PINGS);
      }),
      { numRuns: 500 },
    );
  });
});

describe('truncate and safeText', () => {
  it('leaves short text alone and ends long text with an ellipsis', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('abcdefghij', 5)).toBe('abcd…');
  });

  it('never cuts through an entity or a surrogate pair', () => {
    expect(truncate('ab&amp;cd', 5)).toBe('ab…');
    expect(truncate('ab🙂cd', 4)).toBe('ab…');
  });

  it('stays within the limit and safe for any input and limit (property)', () => {
    fc.assert(
      fc.property(hostileText, fc.integer({ min: 2, max: 200 }), (text, max) => {
        const out = safeText(text, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(out).not.toMatch(PINGS);
        expect(out).not.toMatch(/&[a-z]*…$/);
        expect(out).not.toMatch(/[\ud800-\udbff]…$/);
      }),
      { numRuns: 500 },
    );
  });
});

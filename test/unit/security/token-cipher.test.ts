import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTokenCipher, parseTokenKeys } from '../../../src/security/token-cipher.js';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('sealing tokens at rest', () => {
  it('opens what it sealed, never shows the token, and uses a fresh IV each time', () => {
    const cipher = createTokenCipher([key('k1')]);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), (token) => {
        const sealed = cipher.seal(token);
        expect(cipher.open(sealed)).toBe(token);
        if (token.length >= 4) expect(sealed).not.toContain(token);
      }),
    );
    expect(cipher.seal('xoxb-1')).not.toBe(cipher.seal('xoxb-1'));
  });

  it('refuses a tampered value, an unknown key and something not sealed', () => {
    const cipher = createTokenCipher([key('k1')]);
    const sealed = cipher.seal('xoxb-secret');
    const [v, id, iv, tag, data] = sealed.split('.') as string[];
    const flipped = Buffer.from(data as string, 'base64url');
    flipped[0] = (flipped[0] as number) ^ 1;
    expect(() => cipher.open([v, id, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => createTokenCipher([key('k2')]).open(sealed)).toThrow(/unknown key k1/);
    expect(() => cipher.open('xoxb-plain')).toThrow(/not a sealed token/);
  });

  it('rotates: a new key in front seals, old values still open and are reported stale', () => {
    const old = key('2025');
    const sealedBefore = createTokenCipher([old]).seal('xoxb-old');
    const rotated = createTokenCipher([key('2026'), old]);
    expect(rotated.open(sealedBefore)).toBe('xoxb-old');
    expect(rotated.isStale(sealedBefore)).toBe(true);
    expect(rotated.isStale(rotated.seal('xoxb-new'))).toBe(false);
  });

  it('reads keys from the environment format, refusing weak or malformed ones', () => {
    const a = randomBytes(32).toString('base64');
    const b = randomBytes(32).toString('base64');
    expect(parseTokenKeys(` new:${a} , old:${b}`).map((k) => k.id)).toEqual(['new', 'old']);
    expect(() => parseTokenKeys('')).toThrow(/at least one/);
    expect(() => parseTokenKeys(`k:${randomBytes(16).toString('base64')}`)).toThrow(/32 bytes/);
    expect(() => parseTokenKeys(`k:${a},k:${b}`)).toThrow(/unique/);
    expect(() => parseTokenKeys(a)).toThrow(/id:base64key/);
  });
});

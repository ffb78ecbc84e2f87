import { describe, expect, it } from 'vitest';
import { deriveRefPrefix } from '../../../src/domain/partnerships/partnership.js';

describe('deriveRefPrefix', () => {
  it.each([
    ['Acme Corp', 'ACME'],
    ['acme', 'ACME'],
    ['Überfirma GmbH', 'UBERFI'],
    ['42 Labs', 'L42'],
    ['   ', 'ASK'],
    ['Initech-Global', 'INITEC'],
  ])('%s -> %s', (name, prefix) => {
    expect(deriveRefPrefix(name)).toBe(prefix);
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const pages = [
  'README.md',
  ...readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .map((f) => join('docs', f)),
];

/** Every image a page shows, as a path from the repository's root. */
const picturesOf = (page: string) =>
  [...readFileSync(page, 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+\.png)\)/g)].map((m) =>
    join(dirname(page), m[1] as string),
  );

describe('pictures in the docs', () => {
  it('exist for every image a page shows (npm run docs:pictures makes them)', () => {
    const shown = pages.flatMap(picturesOf);
    expect(shown).toContain('docs/pictures/status-card-thread.png');
    expect(shown.filter((p) => !existsSync(p))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Ask } from '../../../src/domain/asks/ask.js';
import { createRequestIndex } from '../../../src/similar/request-index.js';
import { anAsk } from '../../support/ask-fixture.js';
import { alone, type FixtureRequest, same } from './enhancement-fixture.js';

const enhancement = (request: FixtureRequest): Ask =>
  anAsk({
    kind: 'enhancement',
    status: 'submitted',
    partnershipId: request.customer,
    content: {
      title: request.title,
      details: request.details,
      urgency: null,
      businessImpact: null,
      workaround: null,
      dueDate: null,
    },
  });

describe('similar-request suggestions on a fixture of enhancement requests', () => {
  const pairs = same.map(([a, b]) => [enhancement(a), enhancement(b)] as const);
  const singles = alone.map(enhancement);
  const all = [...pairs.flat(), ...singles];
  const duplicateOf = new Map(pairs.flatMap(([a, b]) => [[a.id, b.id] as const, [b.id, a.id] as const]));
  const index = createRequestIndex();
  for (const ask of all) index.put(ask);

  it('is a fixture of at least 200 requests, each duplicate asked by two different customers', () => {
    expect(all.length).toBeGreaterThanOrEqual(200);
    expect(pairs.every(([a, b]) => a.partnershipId !== b.partnershipId)).toBe(true);
  });

  it('ranks the other customer’s same request first (precision@1 >= 0.7) and in the top 3 (recall@3 >= 0.8)', () => {
    let rightFirst = 0;
    let foundInThree = 0;
    let falseAlarms = 0;
    for (const ask of all) {
      const top = index.rank(ask, 3).map((r) => r.id);
      const duplicate = duplicateOf.get(ask.id);
      if (duplicate !== undefined && top[0] === duplicate) rightFirst += 1;
      if (duplicate !== undefined && top.includes(duplicate)) foundInThree += 1;
      if (duplicate === undefined && top.length > 0) falseAlarms += 1;
    }
    // Over the requests that have a same request to find, as usual for precision@k.
    const precisionAt1 = rightFirst / duplicateOf.size;
    const recallAt3 = foundInThree / duplicateOf.size;
    console.info(
      `similar requests: ${all.length} requests, ${duplicateOf.size} with a duplicate; ` +
        `precision@1 ${precisionAt1.toFixed(3)} (${rightFirst}/${duplicateOf.size}), ` +
        `recall@3 ${recallAt3.toFixed(3)} (${foundInThree}/${duplicateOf.size}); ` +
        `requests without a duplicate that got a suggestion: ${falseAlarms}/${singles.length}`,
    );
    expect(recallAt3).toBeGreaterThanOrEqual(0.8);
    expect(precisionAt1).toBeGreaterThanOrEqual(0.7);
  });
});

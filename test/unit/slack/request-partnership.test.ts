import type { Context } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import type { PartnershipRepository } from '../../../src/domain/ports.js';
import { partnershipOfChannel } from '../../../src/slack/bolt/request-partnership.js';
import { aPartnership } from '../../support/partnership-fixture.js';

describe('a request’s partnership', () => {
  it('is read once per channel and request, however many parts of the request ask for it', async () => {
    const reads: string[] = [];
    const partnerships = {
      findByChannel: async (channelId: string) => {
        reads.push(channelId);
        return channelId === 'CACME' ? aPartnership({ channelId }) : null;
      },
    } as PartnershipRepository;
    const request: Context = { isEnterpriseInstall: false };
    const [first, second] = await Promise.all([
      partnershipOfChannel(request, partnerships, 'CACME'),
      partnershipOfChannel(request, partnerships, 'CACME'),
    ]);
    expect(second).toBe(first);
    expect(await partnershipOfChannel(request, partnerships, 'COTHER')).toBeNull();
    await partnershipOfChannel({ isEnterpriseInstall: false }, partnerships, 'CACME'); // another request reads again
    expect(reads).toEqual(['CACME', 'COTHER', 'CACME']);
  });
});

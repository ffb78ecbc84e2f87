import { compileCustomerDigest } from '../../domain/digests/compile-customer-digest.js';
import { gatherDigestSources } from '../../domain/digests/digest-sources.js';
import type { Partnership } from '../../domain/partnerships/partnership.js';
import type { Repositories } from '../../domain/ports.js';
import type { MessageContent } from '../shared/blocks.js';
import { describeSchedule } from '../shared/describe-schedule.js';
import { buildCustomerDigestMessage } from './customer-digest-message.js';

/** The digest as it would be posted now, for the eyes of one vendor-side user, with where it goes. */
export async function previewDigest(
  repositories: Repositories,
  partnership: Partnership,
  now: Date,
): Promise<MessageContent> {
  const sources = await gatherDigestSources(repositories, partnership, now);
  const internalGoesTo = partnership.triageChannelId
    ? `<#${partnership.triageChannelId}>`
    : `<@${partnership.ownerId}> by direct message`;
  const note =
    `Preview: only you can see this. Post now sends it to this channel, and the internal digest to ${internalGoesTo}. ` +
    `Schedule: ${describeSchedule(partnership.digest, now)}`;
  return buildCustomerDigestMessage(compileCustomerDigest(sources), now, {
    note,
    partnershipId: partnership.id,
  });
}

/** The weekly digests of a partnership's year, each posted in its channel and its triage channel. */
import { type DigestRecord, scheduledDigestId } from '../../../src/domain/digests/digest-record.js';
import { slotAfter } from '../../../src/domain/digests/digest-schedule.js';
import type { Partnership } from '../../../src/domain/partnerships/partnership.js';
import type { Repositories } from '../../../src/domain/ports.js';
import { DIGEST_SCHEDULE } from './people.js';

/** Every Monday's digest since the partnership was set up, posted in both channels. */
export async function weeklyDigests(repos: Repositories, p: Partnership, end: Date): Promise<number> {
  let count = 0;
  let previous = p.createdAt;
  for (
    let slot = slotAfter(DIGEST_SCHEDULE, p.createdAt);
    slot <= end;
    slot = slotAfter(DIGEST_SCHEDULE, slot)
  ) {
    const seconds = Math.floor(slot.getTime() / 1000);
    const record: DigestRecord = {
      id: scheduledDigestId(p.id, slot),
      partnershipId: p.id,
      trigger: 'schedule',
      slot,
      state: 'posted',
      lease: null,
      missedSlots: 0,
      period: { start: previous, end: new Date(slot.getTime() + 2_000) },
      customerMessage: { channelId: p.channelId, ts: `${seconds + 2}.000100` },
      internalMessage: { channelId: p.triageChannelId as string, ts: `${seconds + 3}.000100` },
      error: null,
      createdAt: slot,
      finishedAt: new Date(slot.getTime() + 4_000),
    };
    await repos.digests.insert(record);
    previous = record.period?.end as Date;
    count += 1;
  }
  return count;
}

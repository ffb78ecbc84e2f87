import type { Partnership } from '../../domain/partnerships/partnership.js';
import type { AppLogger } from '../../logger.js';

/**
 * The partnership's triage channel while it is still internal, checked again before anything internal
 * is posted there: it may have been shared with another organisation since setup. Null when there is
 * none or it is shared (logged, saying what happens instead).
 */
export async function internalTriageChannel(
  deps: { isExternallyShared: (channelId: string) => Promise<boolean>; logger: AppLogger },
  p: Partnership,
  instead: string,
): Promise<string | null> {
  const triage = p.triageChannelId;
  if (triage === null) return null;
  if (!(await deps.isExternallyShared(triage))) return triage;
  deps.logger.event('warn', `triage channel is shared with another organisation: ${instead}`, {
    partnershipId: p.id,
    channel: triage,
  });
  return null;
}

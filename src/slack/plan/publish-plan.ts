import type { WebClient } from '@slack/web-api';
import type { Partnership } from '../../domain/partnerships/partnership.js';
import { errorFields } from '../../logger.js';
import type { InWorkspace } from '../bolt/deps.js';
import { keepPinned, type PinnedOutcome } from '../shared/pinned-message.js';
import { buildPlanMessage } from './plan-message.js';

/**
 * Posts and pins the partnership's communication plan the first time, edits it in place afterwards.
 * It renders the partnership as stored now, not the caller's copy, so two saves finishing in either
 * order leave the message showing the latest. 'none' when no plan was saved (nothing to pin).
 */
export async function publishPlan(
  client: WebClient,
  deps: Pick<InWorkspace, 'repositories'>,
  partnershipId: string,
): Promise<PinnedOutcome | 'none'> {
  const partnerships = deps.repositories.partnerships;
  const p = await partnerships.findById(partnershipId);
  if (p === null || p.plan === null) return 'none';
  return keepPinned(
    client,
    { channel: p.channelId, ts: p.planMessageTs, record: (ts) => partnerships.recordPlanMessage(p.id, ts) },
    buildPlanMessage(p, 'channel'),
  );
}

/**
 * After a setup change, brings the pinned plan up to date with what it shows from the setup (digest
 * schedule, hours, response targets). Does nothing when no plan message was posted. Best effort: the
 * setup is saved either way, so a failure is logged, not shown.
 */
export async function refreshPinnedPlan(
  client: WebClient,
  deps: Pick<InWorkspace, 'repositories' | 'logger'>,
  partnership: Partnership,
): Promise<void> {
  if (partnership.planMessageTs === null) return;
  try {
    await publishPlan(client, deps, partnership.id);
  } catch (error) {
    deps.logger.event('warn', 'could not refresh the pinned plan', {
      partnershipId: partnership.id,
      ...errorFields(error),
    });
  }
}

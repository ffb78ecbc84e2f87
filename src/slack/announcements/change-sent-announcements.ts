import type { Announcement, AnnouncementDelivery } from '../../domain/announcements/announcement.js';
import { postPaced } from '../digests/paced-poster.js';
import { classifySlackFailure } from '../shared/classify-slack-failure.js';
import { effectMetadata } from '../shared/post-once.js';
import { buildCustomerMessage } from './announcement-message.js';
import { buildChangeProgress } from './change-progress.js';
import { announcementMessageKey } from './ids.js';
import type { AnnouncementSenderDeps } from './sender-deps.js';

/** chat.update and chat.delete are Tier 3: about 50 a minute for the whole workspace, whatever the channel. */
const TIER3_INTERVAL_MS = 1200;
const WORKSPACE_LANE = 'workspace';
/** About a minute of calls: the sender's progress is updated after each batch. */
const BATCH = 50;
const LEASE_MS = 10 * 60_000;

type Target = { revision: number } | 'removed';

/**
 * Brings every delivered message of the announcements edited or deleted after sending to what they
 * should show: chat.update to the latest revision, or chat.delete. Each delivery is claimed with a lease
 * (two replicas never change the same message), recorded as soon as Slack answers, and paced for the
 * whole workspace under Tier 3. A message Slack refuses is recorded with its reason and not retried;
 * edits and deletions are idempotent, so a delivery taken over from a dead holder is simply done again.
 */
export async function changeSentAnnouncements(deps: AnnouncementSenderDeps): Promise<void> {
  for (const a of await deps.repositories.announcements.listChanging()) await bringUpToDate(deps, a);
}

async function bringUpToDate(deps: AnnouncementSenderDeps, a: Announcement): Promise<void> {
  const deliveries = deps.repositories.announcementDeliveries;
  const target: Target = a.state === 'deleted' ? 'removed' : { revision: a.revision };
  const token = deps.newId();
  for (;;) {
    const claims: AnnouncementDelivery[] = [];
    const lease = { token, until: new Date(deps.clock.now().getTime() + LEASE_MS) };
    while (claims.length < BATCH) {
      const claim = await deliveries.claimStale(a.id, target, deps.clock.now(), lease);
      if (claim === null) break;
      claims.push(claim);
    }
    if (claims.length === 0) break;
    const outcomes = await postPaced(
      claims.map((delivery) => ({ channelId: WORKSPACE_LANE, delivery })),
      ({ delivery }) => changeOne(deps, a, target, delivery, token),
      // Limited per workspace only: any 429 holds all, and chat.postMessage's learned pace does not apply.
      {
        clock: deps.clock,
        sleep: deps.sleep,
        ...deps.pacing,
        perChannelIntervalMs: TIER3_INTERVAL_MS,
        workspaceIntervalMs: TIER3_INTERVAL_MS,
      },
    );
    for (const outcome of outcomes) {
      // Still transient after the pacing's retries: the lease runs out and a later run tries again.
      if (!outcome.ok) {
        deps.logger.event('warn', 'announcement message not changed yet', {
          delivery: outcome.job.delivery.id,
          error: outcome.error,
        });
      }
    }
    await showProgress(deps, a, target);
  }
  const all = await deliveries.listFor(a.id);
  if (all.some((d) => d.state === 'posted' && !shows(d, target))) return;
  await showProgress(deps, a, target);
  await deps.repositories.announcements.settleChange(a.id, a.revision, a.state);
}

const shows = (d: AnnouncementDelivery, target: Target) =>
  target === 'removed' ? d.removed : d.shownRevision === target.revision;

async function changeOne(
  deps: AnnouncementSenderDeps,
  a: Announcement,
  target: Target,
  delivery: AnnouncementDelivery,
  token: string,
): Promise<void> {
  const deliveries = deps.repositories.announcementDeliveries;
  if (!(await deliveries.renew(delivery.id, token, new Date(deps.clock.now().getTime() + LEASE_MS)))) return;
  const channel = delivery.channelId;
  const ts = delivery.ts as string;
  let error: string | null = null;
  try {
    if (target === 'removed') {
      await deps.client.chat.delete({ channel, ts });
    } else {
      const message = buildCustomerMessage(a);
      const metadata = effectMetadata(announcementMessageKey(delivery.id));
      await deps.client.chat.update({ channel, ts, text: message.text, blocks: message.blocks, metadata });
    }
  } catch (failure) {
    const classified = classifySlackFailure(failure);
    if (classified.kind !== 'permanent') throw failure;
    // Deleting a message already gone is done; any other refusal is recorded and reported.
    if (!(target === 'removed' && classified.error === 'message_not_found')) error = classified.error;
  }
  await deliveries.markChanged(delivery.id, token, target, error);
}

/**
 * The sender's progress DM: posted once (one run claims it), then edited after each batch and at the end
 * ("412 of 1,000 channels updated"). Edits are idempotent, so any run may bring it up to date.
 */
async function showProgress(deps: AnnouncementSenderDeps, a: Announcement, target: Target): Promise<void> {
  const { announcements, announcementDeliveries, markers } = deps.repositories;
  const posted = (await announcementDeliveries.listFor(a.id)).filter((d) => d.state === 'posted');
  const message = buildChangeProgress(a, target === 'removed', posted, (d) => shows(d, target));
  const change = target === 'removed' ? 'deleted' : `revision-${target.revision}`;
  const current = (await announcements.findById(a.id))?.changeProgress;
  if (current?.change === change) {
    await deps.client.chat.update({ channel: current.channel, ts: current.ts, ...message });
    return;
  }
  const marker = `announcement-change:${a.id}:${change}`;
  if (!(await markers.claim(marker, deps.clock.now(), null))) return;
  try {
    const sent = await deps.client.chat.postMessage({ channel: a.createdBy, ...message });
    await announcements.setChangeProgress(a.id, {
      channel: sent.channel as string,
      ts: sent.ts as string,
      change,
    });
  } catch (error) {
    await markers.release(marker);
    throw error;
  }
}

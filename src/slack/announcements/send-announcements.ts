import { startAnnouncement } from '../../app/announcements/start-announcement.js';
import type { Announcement, AnnouncementDelivery } from '../../domain/announcements/announcement.js';
import { announcementSentEvent } from '../../domain/webhooks/webhook-events.js';
import { postPaced } from '../digests/paced-poster.js';
import { classifySlackFailure } from '../shared/classify-slack-failure.js';
import { effectMetadata, listPostedOrAssumeNone } from '../shared/post-once.js';
import { buildCustomerMessage } from './announcement-message.js';
import { changeSentAnnouncements } from './change-sent-announcements.js';
import { announcementMessageKey } from './ids.js';
import { buildSendReport } from './send-report.js';
import type { AnnouncementSenderDeps } from './sender-deps.js';
import { tellOwnersOfHold } from './tell-owners.js';

/** Renewed before each post: a dead holder's deliveries are taken over this long after its last try. */
const LEASE_MS = 10 * 60_000;
const BATCH = 200;

type Posted = { ts: string } | { refused: string };

/**
 * Tells owners of the hold windows that have started, then sends every announcement whose time (and hold
 * window) has come, and finishes those a dead run left half sent: each
 * delivery is claimed before it is posted, so it goes once across replicas; one taken over from a dead
 * holder is looked for in its channel first. A channel Slack refuses is recorded as failed, never retried;
 * the sender is told once every delivery has settled.
 */
export async function sendDueAnnouncements(deps: AnnouncementSenderDeps): Promise<void> {
  await tellOwnersOfHold(deps);
  await changeSentAnnouncements(deps);
  for (const announcement of await deps.repositories.announcements.listDue(deps.clock.now())) {
    await startAnnouncement(deps.repositories, announcement, deps.clock.now());
    await sendAnnouncement(deps, announcement);
  }
}

async function sendAnnouncement(deps: AnnouncementSenderDeps, announcement: Announcement): Promise<void> {
  const deliveries = deps.repositories.announcementDeliveries;
  const token = deps.newId();
  const message = buildCustomerMessage(announcement);
  const unsure = new Set<string>();
  const claimBatch = async () => {
    const claims: AnnouncementDelivery[] = [];
    const lease = { token, until: new Date(deps.clock.now().getTime() + LEASE_MS) };
    while (claims.length < BATCH) {
      const claim = await deliveries.claimPending(announcement.id, deps.clock.now(), lease);
      if (claim === null) break;
      claims.push(claim);
    }
    return claims;
  };
  // The next batch is claimed while this one posts, so posting never stops for the claims.
  for (let next = claimBatch(); ; ) {
    const claims = await next;
    if (claims.length === 0) break;
    next = claimBatch();
    // A failed claim is thrown where it is awaited, not reported as unhandled while this batch posts.
    next.catch(() => {});
    // Each delivery is recorded as soon as Slack answers, so a crash leaves only those in flight unsure.
    const outcomes = await postPaced(
      claims,
      async (delivery) => {
        // Renewed before each try: 429s and outages may keep a delivery waiting longer than a lease.
        const until = new Date(deps.clock.now().getTime() + LEASE_MS);
        if (!(await deliveries.renew(delivery.id, token, until))) {
          deps.logger.event('warn', 'announcement delivery taken over meanwhile', { delivery: delivery.id });
          return;
        }
        await settle(deps, delivery, token, await postDelivery(deps, delivery, message, unsure));
      },
      { clock: deps.clock, sleep: deps.sleep, ...deps.pacing },
    );
    for (const outcome of outcomes) {
      // Still transient after the pacing's retries: the lease runs out and a later run tries again.
      if (!outcome.ok) {
        deps.logger.event('warn', 'announcement not posted yet', {
          delivery: outcome.job.id,
          error: outcome.error,
        });
      }
    }
  }
  await finishIfSettled(deps, announcement);
}

async function settle(
  deps: AnnouncementSenderDeps,
  delivery: AnnouncementDelivery,
  token: string,
  posted: Posted,
): Promise<void> {
  const outcome =
    'ts' in posted
      ? { state: 'posted' as const, ts: posted.ts }
      : { state: 'failed' as const, error: posted.refused };
  if (!(await deps.repositories.announcementDeliveries.finish(delivery.id, token, outcome))) {
    deps.logger.event('warn', 'announcement delivery taken over meanwhile', { delivery: delivery.id });
  }
}

async function postDelivery(
  deps: AnnouncementSenderDeps,
  delivery: AnnouncementDelivery,
  message: ReturnType<typeof buildCustomerMessage>,
  unsure: Set<string>,
): Promise<Posted> {
  const key = announcementMessageKey(delivery.id);
  const target = { channel: delivery.channelId, threadTs: null };
  if (delivery.attempts > 1 || unsure.has(key)) {
    const earlier = (await listPostedOrAssumeNone(deps.client, target, deps.logger)).find(
      (m) => m.payload.key === key,
    );
    if (earlier) return { ts: earlier.ts };
  }
  try {
    const posted = await deps.client.chat.postMessage({
      channel: delivery.channelId,
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
      metadata: effectMetadata(key),
    });
    return { ts: posted.ts as string };
  } catch (error) {
    const failure = classifySlackFailure(error);
    if (failure.kind === 'permanent') return { refused: failure.error };
    // Slack may have stored it before failing: the retry looks first.
    unsure.add(key);
    throw error;
  }
}

/** Long enough for one DM; a reporter that died holding it is replaced after this. */
const REPORT_CLAIM_MS = 10 * 60_000;

/**
 * Once nothing is pending, one run queues its `announcement.sent` webhook event and tells the sender what
 * reached where, then marks it sent. The report's marker keeps two runs from both sending it; a failed
 * report (or queuing) releases it and the next run tries again (queuing the same event again is a no-op).
 */
async function finishIfSettled(deps: AnnouncementSenderDeps, announcement: Announcement): Promise<void> {
  const { announcements, announcementDeliveries, markers } = deps.repositories;
  if ((await announcementDeliveries.count(announcement.id)).pending > 0) return;
  const now = deps.clock.now();
  const marker = `announcement-report:${announcement.id}`;
  if (!(await markers.claim(marker, now, new Date(now.getTime() + REPORT_CLAIM_MS)))) return;
  const all = await announcementDeliveries.listFor(announcement.id);
  try {
    await deps.publish?.([await sentEvent(deps, announcement, all, now)]);
    await deps.client.chat.postMessage({
      channel: announcement.createdBy,
      ...buildSendReport(announcement, all),
    });
  } catch (error) {
    await markers.release(marker);
    throw error;
  }
  await announcements.transition(announcement.id, ['sending'], 'sent', { finishedAt: now });
  deps.logger.event('info', 'announcement sent', {
    announcement: announcement.id,
    posted: all.filter((d) => d.state === 'posted').length,
    failed: all.filter((d) => d.state === 'failed').length,
  });
}

/** Its webhook event, tagged with the tags of the partnerships it reached (endpoints filter on them). */
async function sentEvent(
  deps: AnnouncementSenderDeps,
  announcement: Announcement,
  all: AnnouncementDelivery[],
  now: Date,
) {
  const reached = new Set(all.filter((d) => d.state === 'posted').map((d) => d.partnershipId));
  const partnerships = reached.size > 0 ? await deps.repositories.partnerships.listAll() : [];
  const tags = new Set(partnerships.filter((p) => reached.has(p.id)).flatMap((p) => p.tags));
  const failed = all.filter((d) => d.state === 'failed').length;
  return announcementSentEvent(announcement, { reached: reached.size, failed, tags: [...tags] }, now);
}

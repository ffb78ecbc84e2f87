import type { WebClient } from '@slack/web-api';
import type { Announcement } from '../../domain/announcements/announcement.js';
import { type IncidentUpdate, incidentUpdateDeliveryId } from '../../domain/incidents/incident.js';
import type { Clock, Repositories } from '../../domain/ports.js';
import type { AppLogger } from '../../logger.js';
import type { PacingOptions } from '../digests/paced-poster.js';
import { buildIncidentMessage, buildIncidentReply } from './incident-message.js';
import { claim, editProgress, tellOutcome } from './progress-message.js';
import { runClaimed } from './run-claimed.js';
import { editTopMessage, replyInThread } from './update-steps.js';

export interface IncidentSenderDeps {
  /** Made with rejectRateLimitedCalls and no retries: the pacing owns every 429 and retry. */
  client: WebClient;
  repositories: Repositories;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  logger: AppLogger;
  newId: () => string;
  /** The replies' pacing (chat.postMessage: about 1 a second per channel, a workspace-wide cap). */
  pacing?: Omit<PacingOptions, 'clock' | 'sleep'>;
  /** chat.update calls a minute across the workspace (Slack's Tier 3: about 50). */
  editsPerMinute?: number;
}

const REPLY_BATCH = 200;
const DEFAULT_EDITS_PER_MINUTE = 50;

/**
 * Sends every incident's updates that have not settled, oldest first: for each update, its reply in every
 * channel's thread (fast), then every top message edited to the incident as it stands (paced for
 * chat.update's limit), while the poster's private progress message is edited in place. Each delivery is
 * claimed before each step, so a reply and an edit happen once across replicas and restarts; an update
 * waits for the one before it to settle, so the replies keep their order in every thread.
 */
export async function sendIncidentUpdates(deps: IncidentSenderDeps): Promise<void> {
  if (inFlight.has(deps.repositories)) return;
  inFlight.add(deps.repositories);
  try {
    // Again while updates settle: one posted meanwhile is picked up here rather than a minute later.
    for (let settled = true; settled; ) {
      settled = false;
      for (const incident of await deps.repositories.incidents.listSending()) {
        const from = (incident.incident?.settledThrough ?? 0) + 1;
        for (const update of incident.incident?.updates.slice(from - 1) ?? []) {
          if (!(await sendUpdate(deps, incident, update))) break;
          settled = true;
        }
      }
    }
  } finally {
    inFlight.delete(deps.repositories);
  }
}

/**
 * The workspaces (by their repositories) a run is sending in, in this process: a second run (the
 * minute job while a posted update goes out) leaves it to the first, whose pacing keeps the
 * workspace's limits; two would each pace at the full rate and meet 429s.
 */
const inFlight = new WeakSet<Repositories>();

/** True once the update has settled everywhere and its poster has been told. */
async function sendUpdate(
  deps: IncidentSenderDeps,
  incident: Announcement,
  update: IncidentUpdate,
): Promise<boolean> {
  if ((incident.incident?.startedThrough ?? 0) < update.number) {
    if (!(await startUpdate(deps, incident, update))) return false;
  }
  const { incidentUpdateDeliveries: deliveries } = deps.repositories;
  const progress = () => editProgress(deps, incident.id, update);
  const token = deps.newId();
  const unsure = new Set<string>();
  const reply = buildIncidentReply(update);
  await runClaimed(deps, 'pending', incident.id, update.number, token, REPLY_BATCH, {
    step: (d) => replyInThread(deps, d, reply, unsure),
    afterBatch: progress,
    pacing: deps.pacing ?? {},
  });
  if ((await deliveries.count(incident.id, update.number)).pending > 0) return false;
  // The top messages show the incident as it is now, newer updates included.
  const current = await deps.repositories.announcements.findById(incident.id);
  if (!current?.incident) return false;
  const top = buildIncidentMessage(current, current.incident);
  const perMinute = deps.editsPerMinute ?? DEFAULT_EDITS_PER_MINUTE;
  const spacing = 60_000 / perMinute;
  // One progress edit a minute takes one of the minute's chat.update calls.
  await runClaimed(deps, 'replied', incident.id, update.number, token, Math.max(1, perMinute - 1), {
    step: (d) => editTopMessage(deps, d, top),
    afterBatch: async () => {
      await deps.sleep(spacing);
      await progress();
      await deps.sleep(spacing);
    },
    pacing: { ...deps.pacing, workspaceIntervalMs: spacing },
  });
  const left = await deliveries.count(incident.id, update.number);
  if (left.pending + left.replied > 0) return false;
  return tellOutcome(deps, incident, update);
}

/**
 * Creates the update's deliveries, one per channel the incident reached (unique ids: a second run finds
 * them), and its progress message, under a claim so two runs do not both post that message.
 */
async function startUpdate(
  deps: IncidentSenderDeps,
  incident: Announcement,
  update: IncidentUpdate,
): Promise<boolean> {
  const { announcementDeliveries, incidentUpdateDeliveries, incidents, markers } = deps.repositories;
  const key = `incident-start:${incident.id}:${update.number}`;
  if (!(await claim(deps, key))) return false;
  try {
    for (const reached of await announcementDeliveries.listFor(incident.id)) {
      if (reached.state !== 'posted' || reached.ts === null) continue;
      await incidentUpdateDeliveries.insert({
        id: incidentUpdateDeliveryId(incident.id, update.number, reached.partnershipId),
        announcementId: incident.id,
        update: update.number,
        partnershipId: reached.partnershipId,
        channelId: reached.channelId,
        threadTs: reached.ts,
        state: 'pending',
        lease: null,
        attempts: 0,
        replyTs: null,
        error: null,
      });
    }
    await editProgress(deps, incident.id, update);
    await incidents.markStarted(incident.id, update.number);
    return true;
  } catch (error) {
    await markers.release(key);
    throw error;
  }
}

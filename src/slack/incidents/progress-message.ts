import type { WebClient } from '@slack/web-api';
import type { Announcement } from '../../domain/announcements/announcement.js';
import type { IncidentUpdate } from '../../domain/incidents/incident.js';
import type { Clock, Repositories } from '../../domain/ports.js';
import { type AppLogger, errorFields } from '../../logger.js';
import type { MessageContent } from '../shared/blocks.js';
import { isSlackRefusal } from '../shared/classify-slack-failure.js';
import { effectMetadata, listPostedOrAssumeNone } from '../shared/post-once.js';
import { incidentProgressKey } from './ids.js';
import { buildUpdateOutcome, buildUpdateProgress } from './update-progress.js';

interface ProgressDeps {
  client: WebClient;
  repositories: Repositories;
  clock: Clock;
  logger: AppLogger;
}

/** Long enough to start an update or tell its outcome; a run that died holding it is replaced after this. */
const CLAIM_MS = 10 * 60_000;

/** Work one run at a time does (starting an update, telling its outcome); false while another holds it. */
export async function claim(deps: ProgressDeps, key: string): Promise<boolean> {
  const now = deps.clock.now();
  return deps.repositories.markers.claim(key, now, new Date(now.getTime() + CLAIM_MS));
}

/**
 * Shows `content` in the poster's progress message: posted the first time (after looking for one a dead
 * run may have posted, by its metadata), edited in place after that, and posted anew if the poster
 * deleted it (Slack refuses the edit).
 */
async function show(
  deps: ProgressDeps,
  incident: Announcement,
  update: IncidentUpdate,
  content: MessageContent,
): Promise<void> {
  const key = incidentProgressKey(incident.id, update.number);
  const recorded = incident.incident?.progress[`u${update.number}`];
  let shown = recorded;
  if (!shown) {
    const target = { channel: update.by, threadTs: null };
    const earlier = (await listPostedOrAssumeNone(deps.client, target, deps.logger)).find(
      (m) => m.payload.key === key,
    );
    if (earlier) shown = { channel: earlier.channel, ts: earlier.ts };
  }
  if (shown) {
    try {
      await deps.client.chat.update({ ...shown, text: content.text, blocks: content.blocks });
      if (!recorded) await deps.repositories.incidents.recordProgress(incident.id, update.number, shown);
      return;
    } catch (error) {
      if (!isSlackRefusal(error)) throw error;
    }
  }
  const posted = await deps.client.chat.postMessage({
    channel: update.by,
    ...content,
    metadata: effectMetadata(key),
  });
  const message = { channel: posted.channel as string, ts: posted.ts as string };
  await deps.repositories.incidents.recordProgress(incident.id, update.number, message);
}

/**
 * Edits the poster's progress message to the update's counts now. Only progress: a failed edit is
 * logged and the next one (or the outcome) catches up, except the first post, which is retried by the run.
 */
export async function editProgress(deps: ProgressDeps, incidentId: string, update: IncidentUpdate) {
  const incident = await deps.repositories.announcements.findById(incidentId);
  if (!incident) return;
  const counts = await deps.repositories.incidentUpdateDeliveries.count(incidentId, update.number);
  const content = buildUpdateProgress(incident, update, counts);
  if (!incident.incident?.progress[`u${update.number}`]) return show(deps, incident, update, content);
  try {
    await show(deps, incident, update, content);
  } catch (error) {
    deps.logger.event('warn', 'incident progress not shown', { incident: incidentId, ...errorFields(error) });
  }
}

/**
 * Once every channel has settled, one run edits the progress message to the outcome (each channel Slack
 * refused named, with its reason) and marks the update settled. A failed edit frees the claim: the next
 * run tells it.
 */
export async function tellOutcome(
  deps: ProgressDeps,
  incident: Announcement,
  update: IncidentUpdate,
): Promise<boolean> {
  const key = `incident-outcome:${incident.id}:${update.number}`;
  if (!(await claim(deps, key))) return false;
  try {
    const current = (await deps.repositories.announcements.findById(incident.id)) ?? incident;
    const all = await deps.repositories.incidentUpdateDeliveries.listFor(incident.id, update.number);
    await show(deps, current, update, buildUpdateOutcome(current, update, all));
    await deps.repositories.incidents.markSettled(incident.id, update.number);
    deps.logger.event('info', 'incident update sent', {
      incident: incident.id,
      update: update.number,
      edited: all.filter((d) => d.state === 'edited').length,
      failed: all.filter((d) => d.state === 'failed').length,
    });
    return true;
  } catch (error) {
    await deps.repositories.markers.release(key);
    throw error;
  }
}

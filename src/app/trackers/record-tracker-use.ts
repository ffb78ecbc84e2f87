import type { Clock } from '../../domain/ports.js';
import { type IssueTracker, TrackerRefusal } from '../../domain/trackers/tracker.js';
import type {
  TrackerConnection,
  TrackerConnectionRepository,
} from '../../domain/trackers/tracker-connection.js';

/** "Last used" is shown to the minute that matters: a busy tracker records it this often at most. */
const USE_RECORDED_EVERY_MS = 10 * 60_000;

/**
 * The tracker of a connection, noting on it when a call last worked and why the tracker last refused one
 * (shown by `/rapport tracker`). A busy tracker's successes are noted every few minutes, not each time.
 */
export function recordingUse(
  tracker: IssueTracker,
  connection: TrackerConnection,
  deps: { connections: TrackerConnectionRepository; clock: Clock },
): IssueTracker {
  let recordedAt = connection.lastUsedAt?.getTime() ?? 0;
  let failing = connection.lastError !== null;
  const note = async (error: string | null) => {
    const now = deps.clock.now();
    if (error === null && !failing && now.getTime() - recordedAt < USE_RECORDED_EVERY_MS) return;
    recordedAt = now.getTime();
    failing = error !== null;
    await deps.connections.recordUse(connection.tracker, now, error);
  };
  const watched =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        const result = await call(...args);
        await note(null);
        return result;
      } catch (error) {
        if (error instanceof TrackerRefusal) await note(error.message);
        throw error;
      }
    };
  return {
    name: tracker.name,
    parseKey: tracker.parseKey,
    parseProject: tracker.parseProject,
    findCreated: watched(tracker.findCreated),
    create: watched(tracker.create),
    read: watched(tracker.read),
    readAll: watched(tracker.readAll),
    hasComment: watched(tracker.hasComment),
    comment: watched(tracker.comment),
    ...(tracker.recordCustomerNeed ? { recordCustomerNeed: watched(tracker.recordCustomerNeed) } : {}),
  };
}

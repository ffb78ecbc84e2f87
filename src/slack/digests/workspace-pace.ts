/**
 * How fast calls may start across a workspace, learned from Slack's answers, for chat.postMessage.
 * Slack limits it to about 1 message per second per channel plus a workspace-wide cap it does not
 * publish, and its 429 does not say which limit was hit. One 429 alone is taken as its channel's (or a
 * passing hiccup): only that channel waits. 429s from several channels among the latest answers are
 * the workspace cap: then everyone waits, and the pace drops below the rate that hit the cap and creeps
 * back up, as TCP finds an unknown bandwidth (a multiplicative decrease, a slow increase), so the cap
 * is seldom hit again and never for long.
 */

import type { Clock } from '../../domain/ports.js';

/** Answers looked at for evidence of the workspace cap, and how many channels' 429s among them prove it. */
const LATEST_ANSWERS = 10;
const CAP_CHANNELS = 3;
/** The rate that hit the cap is measured over this much time before it. */
const RATE_WINDOW_MS = 1000;
/** After the cap, the pace is this share of that rate... */
const DECREASE = 0.9;
/** ...and grows back by this share of itself each second, compounding: the 10% in about 5 s. */
const RECOVERY_PER_S = 0.02;

export interface WorkspacePace {
  /** Least time between two calls' starts now; 0 until the cap was first hit. */
  spacingMs(): number;
  /** Slack took a call. */
  taken(): void;
  /**
   * Slack refused a call to `channelId`, started at `startedAt`, with a 429 whose Retry-After ends at
   * `until`. True when the latest answers show the workspace cap: every channel is to wait until then.
   * A refusal of a call started before the cap was last found is part of that finding and does not
   * lower the pace again.
   */
  refused(channelId: string, startedAt: number, until: number): boolean;
}

/** One per workspace (and method): what one fan-out learned of the cap holds for the next. */
export function createWorkspacePace(clock: Clock): WorkspacePace {
  const now = () => clock.now().getTime();
  /** The latest answers: a refused call's channel, or null for one taken. */
  const latest: Array<string | null> = [];
  /** When the calls taken within the latest RATE_WINDOW_MS were answered. */
  const takenAt: number[] = [];
  let rate = Number.POSITIVE_INFINITY;
  let rateSetAt = 0;
  let capFoundAt = Number.NEGATIVE_INFINITY;
  let pauseEnd = Number.NEGATIVE_INFINITY;

  const currentRate = () => rate * (1 + RECOVERY_PER_S) ** ((now() - rateSetAt) / 1000);
  const remember = (answer: string | null) => {
    latest.push(answer);
    if (latest.length > LATEST_ANSWERS) latest.shift();
  };

  const lowerPace = (at: number) => {
    const current = currentRate();
    // A second that overlaps the last pause would measure the pause, not the cap.
    const measured =
      at - RATE_WINDOW_MS >= pauseEnd
        ? (takenAt.filter((t) => t > at - RATE_WINDOW_MS).length * 1000) / RATE_WINDOW_MS
        : current;
    // Once paced, a stall of the sender's own must not pass for the cap: the pace at most halves at once.
    const base = Number.isFinite(current) ? Math.min(current, Math.max(measured, current / 2)) : measured;
    // Nothing taken meanwhile (another sender filled the cap) tells no rate: then only wait.
    if (base > 0 && Number.isFinite(base)) {
      rate = DECREASE * base;
      rateSetAt = at;
    }
  };

  return {
    // Whole milliseconds, as clocks and timers count.
    spacingMs: () => Math.ceil(1000 / currentRate()),
    taken() {
      const at = now();
      takenAt.push(at);
      while ((takenAt[0] as number) <= at - RATE_WINDOW_MS) takenAt.shift();
      remember(null);
    },
    refused(channelId, startedAt, until) {
      if (startedAt < capFoundAt) {
        pauseEnd = Math.max(pauseEnd, until);
        return true;
      }
      remember(channelId);
      const channels = new Set(latest.filter((answer) => answer !== null));
      if (channels.size < CAP_CHANNELS) return false;
      const at = now();
      lowerPace(at);
      pauseEnd = Math.max(pauseEnd, until);
      capFoundAt = at;
      latest.length = 0;
      return true;
    },
  };
}

import type { AskKind, AskStatus } from '../asks/ask.js';
import { type IssuePhase, isTrackedKind, type TrackedKind, type TrackerName } from './tracker.js';

/** Why an issue counts as declined, in each tracker's words: a decline is never silent. */
const DECLINED_BECAUSE: Record<TrackerName, string> = {
  github: 'the issue was closed as not planned',
  linear: 'the issue was canceled',
};

/** What the customer is told when the tracker moves their ask, in plain words. */
const notice = (phase: IssuePhase, tracker: TrackerName): string =>
  ({
    open: 'Engineering has it on their list again.',
    started: 'Engineering has started on this.',
    completed: 'Engineering has finished this.',
    declined: `Engineering has decided not to do this: ${DECLINED_BECAUSE[tracker]}.`,
  })[phase];

/** The ask status each issue phase means, per kind; null: the ask stays where it is. */
const DEFAULT_MAPPING: Record<TrackedKind, Record<IssuePhase, AskStatus | null>> = {
  enhancement: { open: null, started: 'in_progress', completed: 'shipped', declined: 'declined' },
  help: { open: null, started: 'in_progress', completed: 'resolved', declined: 'resolved' },
};

/** The move an issue's phase asks of an ask, with its notice; null when the phase means no move. */
export function statusForPhase(
  kind: AskKind,
  phase: IssuePhase,
  tracker: TrackerName,
): { status: AskStatus; notice: string } | null {
  if (!isTrackedKind(kind)) return null;
  const status = DEFAULT_MAPPING[kind][phase];
  return status ? { status, notice: notice(phase, tracker) } : null;
}

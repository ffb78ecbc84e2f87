import type { AskKind, AskStatus } from '../asks/ask.js';
import type { IssueStatus } from './status-mapping.js';
import { type IssuePhase, isTrackedKind, type TrackedKind } from './tracker.js';

/** What the customer is told when the tracker moves their ask, in plain words; a decline says why. */
const NOTICES: Record<IssuePhase, (status: IssueStatus) => string> = {
  open: () => 'Engineering has it on their list again.',
  started: () => 'Engineering has started on this.',
  completed: () => 'Engineering has finished this.',
  declined: ({ label }) => `Engineering has decided not to do this: the issue was ${label}.`,
};

/** The ask status each issue phase means, per kind; null: the ask stays where it is. */
const DEFAULT_MAPPING: Record<TrackedKind, Record<IssuePhase, AskStatus | null>> = {
  enhancement: { open: null, started: 'in_progress', completed: 'shipped', declined: 'declined' },
  help: { open: null, started: 'in_progress', completed: 'resolved', declined: 'resolved' },
};

/** The move an issue's status asks of an ask, with its notice; null when its phase means no move. */
export function statusForPhase(
  kind: AskKind,
  issue: IssueStatus,
): { status: AskStatus; notice: string } | null {
  if (!isTrackedKind(kind)) return null;
  const status = DEFAULT_MAPPING[kind][issue.phase];
  return status ? { status, notice: NOTICES[issue.phase](issue) } : null;
}

import type { IssueActionError } from '../../domain/trackers/ask-issue-actions.js';

/** A refused tracker action as the person who tried reads it, privately. */
export const describeIssueRefusal = (error: IssueActionError): string =>
  error.code === 'not_found' ? 'That request no longer exists.' : error.message;

/** A tracker failure while linking (it is down, or refuses the token), in plain words. */
export const describeTrackerFailure = (error: unknown): string | null =>
  error instanceof Error && 'code' in error && String(error.code).startsWith('tracker_')
    ? `The tracker could not be reached or refused: ${error.message}`
    : null;

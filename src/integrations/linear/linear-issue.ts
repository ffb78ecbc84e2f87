/** Linear's issues as Rapport reads them, and how it asks for them by key. */
import { issueStatus, type StatusMap } from '../../domain/trackers/status-mapping.js';
import type { TrackerIssue } from '../../domain/trackers/tracker.js';
import type { LinearIssueNode } from './linear-documents.js';
import { linearCoordinatesOf, linearKey } from './linear-issue-key.js';
import { LINEAR_STATES } from './linear-states.js';

/** The issue's own due date, else its cycle's end: shown on the twin, never promised by itself. */
export const dueOf = (issue: {
  dueDate?: string | null | undefined;
  cycle?: { endsAt: string } | null | undefined;
}) => issue.dueDate?.slice(0, 10) ?? issue.cycle?.endsAt.slice(0, 10) ?? null;

export function toTrackerIssue(node: LinearIssueNode, statusMap: StatusMap): TrackerIssue {
  return {
    tracker: 'linear',
    key: linearKey({ team: node.team.key, number: node.number }),
    url: node.url,
    status: issueStatus(LINEAR_STATES, statusMap, node.state.type),
    due: dueOf(node),
    assignees: node.assignee ? [node.assignee.name] : [],
  };
}

/** Linear's filter for issues by key: team key and number (identifiers are not filterable). */
export const byKeys = (keys: string[]) => ({
  or: keys.map((key) => {
    const { team, number } = linearCoordinatesOf(key);
    return { team: { key: { eq: team } }, number: { eq: number } };
  }),
});

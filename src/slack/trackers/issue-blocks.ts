import type { KnownBlock } from '@slack/types';
import type { Ask } from '../../domain/asks/ask.js';
import { isClosed } from '../../domain/asks/lifecycle.js';
import type { Partnership } from '../../domain/partnerships/partnership.js';
import { type IssueLink, isTrackedKind, TRACKER_LABELS } from '../../domain/trackers/tracker.js';
import { mrkdwn, plain } from '../shared/blocks.js';
import { safeText } from '../shared/escape.js';
import { TRACKER_ACTIONS } from './ids.js';

/** The issue as a link when its address is a plain web address, its key otherwise. */
function issueText(issue: IssueLink): string {
  const key = safeText(issue.key, 200);
  return /^https?:\/\/[^\s<>|]+$/.test(issue.url) ? `<${issue.url}|${key}>` : key;
}

/** What the tracker says of the ask, for the vendor side only (the triage twin); null when never sent. */
function trackerLines(ask: Ask): string[] {
  const tracker = ask.tracker;
  if (!tracker) return [];
  const lines: string[] = [];
  if (tracker.issue) lines.push(`*${TRACKER_LABELS[tracker.issue.tracker]}*: ${issueText(tracker.issue)}`);
  else if (tracker.failure)
    lines.push(`:warning: *Not sent to the tracker*: ${safeText(tracker.failure, 500)}`);
  else if (tracker.requested) lines.push('*Tracker*: sending…');
  if (tracker.due) lines.push(`Due in the tracker: *${tracker.due}* (not promised to the customer)`);
  if (tracker.assignees.length > 0)
    lines.push(`Assigned in the tracker: ${safeText(tracker.assignees.join(', '), 300)}`);
  return lines;
}

/** The twin's tracker part: what the tracker says, then Send to tracker, Link existing issue, Promise this date. */
export function buildIssueBlocks(ask: Ask, partnership: Pick<Partnership, 'trackers'>): KnownBlock[] {
  if (!isTrackedKind(ask.kind)) return [];
  const lines = trackerLines(ask);
  const blocks: KnownBlock[] = lines.length > 0 ? [{ type: 'section', text: mrkdwn(lines.join('\n')) }] : [];
  const tracker = ask.tracker;
  const open = !isClosed(ask.kind, ask.status);
  const unlinked = !tracker?.issue;
  const sendable = unlinked && (!tracker?.requested || tracker.failure !== null);
  // Sending and linking are offered where the partnership sends this kind of request to a tracker.
  const routed = open && unlinked && partnership.trackers[ask.kind] !== undefined;
  const buttons: [string, string][] = [
    ...(routed && sendable ? [[TRACKER_ACTIONS.send, 'Send to tracker'] as [string, string]] : []),
    ...(routed ? [[TRACKER_ACTIONS.link, 'Link existing issue'] as [string, string]] : []),
    ...(open && tracker?.due && tracker.due !== ask.promisedDate
      ? [[TRACKER_ACTIONS.promise, `Promise ${tracker.due}`] as [string, string]]
      : []),
  ];
  if (buttons.length > 0) {
    blocks.push({
      type: 'actions',
      elements: buttons.map(([action_id, text]) => ({
        type: 'button',
        action_id,
        text: plain(text),
        value: ask.id,
      })),
    });
  }
  return blocks;
}

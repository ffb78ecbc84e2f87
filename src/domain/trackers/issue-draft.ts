import { type Ask, KIND_LABELS } from '../asks/ask.js';
import type { Partnership } from '../partnerships/partnership.js';
import { quiet } from './issue-news.js';
import type { IssueDraft, TrackedKind, TrackerRoute } from './tracker.js';

/**
 * The issue engineering gets for an ask: its title with the reference, the description with use cases,
 * business impact and workaround, the customer account, urgency, and a link back to the Slack thread.
 * `kind` is the ask's (a tracked kind). The marker (the ask's id) rides hidden in the body, so a search after a lost answer finds this ask's
 * issue and no other.
 */
export function buildIssueDraft(
  ask: Ask,
  kind: TrackedKind,
  partnership: Pick<Partnership, 'accountName'>,
  route: TrackerRoute,
  threadUrl: string | null,
): IssueDraft {
  const { content } = ask;
  const section = (title: string, text: string | null) => (text ? [`### ${title}`, quiet(text), ''] : []);
  const facts = [
    `- **Customer:** ${quiet(partnership.accountName)}`,
    `- **Kind:** ${KIND_LABELS[ask.kind]}`,
    `- **Reference:** ${ask.ref}`,
    ...(content.urgency ? [`- **Urgency:** ${content.urgency}`] : []),
    ...(content.dueDate ? [`- **Wanted by:** ${content.dueDate}`] : []),
    ...(ask.voters.length > 0 ? [`- **People who want it:** ${ask.voters.length + 1}`] : []),
    ...(threadUrl ? [`- **Slack thread:** ${threadUrl}`] : []),
  ];
  const marker = `rapport-ask:${ask.id}`;
  const body = [
    ...section(ask.kind === 'enhancement' ? 'The problem and its use cases' : 'Details', content.details),
    ...section('Business impact', content.businessImpact),
    ...section('Workaround today', content.workaround),
    ...facts,
  ].join('\n');
  return {
    kind,
    title: `[${ask.ref}] ${quiet(content.title)}`.slice(0, 256),
    body,
    labels: route.labels,
    reference: ask.ref,
    marker,
  };
}

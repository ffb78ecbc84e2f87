import type { Approval } from '../approvals/approval.js';
import { approvalObligation } from '../approvals/approval-obligation.js';
import type { Ask } from '../asks/ask.js';
import type { TrackedMessage } from '../conversations/tracked-message.js';
import type { Partnership } from '../partnerships/partnership.js';
import type { ApprovalRepository, AskRepository, TrackedMessageRepository } from '../ports.js';
import { askObligation, messageObligation, type Obligation } from '../sla/obligation.js';
import type { FollowUp } from './follow-up.js';

/** An approval is owed seat by seat: each approver has a follow-up of their own. */
export type Subject =
  | { type: 'ask'; ask: Ask }
  | { type: 'message'; message: TrackedMessage }
  | { type: 'approval'; approval: Approval; approverId: string };

/** Neither approval ids (UUIDs) nor Slack user ids contain a slash. */
const SEAT_SEPARATOR = '/';

export function subjectId(s: Subject): string {
  if (s.type === 'ask') return s.ask.id;
  if (s.type === 'message') return s.message.id;
  return `${s.approval.id}${SEAT_SEPARATOR}${s.approverId}`;
}

export function obligationOf(s: Subject, p: Partnership): Obligation | null {
  if (s.type === 'ask') return askObligation(s.ask, p);
  if (s.type === 'message') return messageObligation(s.message, p);
  return approvalObligation(s.approval, s.approverId);
}

export interface SubjectRepositories {
  asks: AskRepository;
  trackedMessages: TrackedMessageRepository;
  approvals: ApprovalRepository;
}

export async function loadSubject(
  repos: SubjectRepositories,
  ref: FollowUp['subject'],
): Promise<Subject | null> {
  if (ref.type === 'ask') {
    const ask = await repos.asks.findById(ref.id);
    return ask && { type: 'ask', ask };
  }
  if (ref.type === 'message') {
    const message = await repos.trackedMessages.findById(ref.id);
    return message && { type: 'message', message };
  }
  const cut = ref.id.lastIndexOf(SEAT_SEPARATOR);
  const approval = await repos.approvals.findById(ref.id.slice(0, cut));
  return approval && { type: 'approval', approval, approverId: ref.id.slice(cut + 1) };
}

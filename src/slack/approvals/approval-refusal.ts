import type { NotFound } from '../../domain/approvals/approval-actions.js';
import type { ApprovalRefusal } from '../../domain/approvals/rules.js';
import { mention, mentions } from '../shared/mention.js';

/** A refusal as whoever tried reads it, privately; the people it is about are mentioned. */
export function describeApprovalRefusal(refusal: ApprovalRefusal | NotFound): string {
  if ('message' in refusal) return refusal.message;
  switch (refusal.reason) {
    case 'not_an_approver':
      return `Only the named approvers can decide on this: ${mentions(refusal.approverIds)}.`;
    case 'backup_not_asked_yet':
      return `You are ${mention(refusal.approverId)}'s backup: you can decide once it is passed on to you.`;
    case 'not_the_requester':
      return `Only ${mention(refusal.requesterId)}, who asked for it, can withdraw it.`;
  }
}

import type { AskKind, AskStatus } from './ask.js';

type Lifecycle = { initial: AskStatus; next: Partial<Record<AskStatus, AskStatus[]>>; closed: AskStatus[] };

/**
 * The legal moves of each kind. Withdrawal by the requester is allowed from any open state and is
 * handled apart. Help and vendor asks can be reopened; a declined enhancement can be reconsidered.
 */
export const LIFECYCLES: Record<AskKind, Lifecycle> = {
  help: {
    initial: 'open',
    next: {
      open: ['acknowledged', 'in_progress', 'waiting_on_customer', 'resolved'],
      acknowledged: ['in_progress', 'waiting_on_customer', 'resolved'],
      in_progress: ['waiting_on_customer', 'resolved'],
      waiting_on_customer: ['in_progress', 'resolved'],
      resolved: ['open'],
      withdrawn: ['open'],
    },
    closed: ['resolved', 'withdrawn'],
  },
  enhancement: {
    initial: 'submitted',
    next: {
      // Work can start or ship before anyone planned it (engineering's tracker says so first).
      submitted: ['under_review', 'planned', 'in_progress', 'shipped', 'declined'],
      under_review: ['planned', 'in_progress', 'shipped', 'declined'],
      planned: ['in_progress', 'shipped', 'declined'],
      in_progress: ['planned', 'shipped', 'declined'],
      declined: ['under_review'],
    },
    closed: ['shipped', 'declined', 'withdrawn'],
  },
  vendor: {
    initial: 'open',
    next: {
      open: ['acknowledged', 'in_progress', 'waiting_on_vendor', 'resolved'],
      acknowledged: ['in_progress', 'waiting_on_vendor', 'resolved'],
      in_progress: ['waiting_on_vendor', 'resolved'],
      waiting_on_vendor: ['in_progress', 'resolved'],
      resolved: ['open'],
      withdrawn: ['open'],
    },
    closed: ['resolved', 'withdrawn'],
  },
};

export const STATUS_LABELS: Record<AskStatus, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  in_progress: 'In progress',
  waiting_on_customer: 'Waiting on customer',
  waiting_on_vendor: 'Waiting on us',
  resolved: 'Resolved',
  submitted: 'Submitted',
  under_review: 'Under review',
  planned: 'Planned',
  shipped: 'Shipped',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};

export const nextStatuses = (kind: AskKind, from: AskStatus): AskStatus[] =>
  LIFECYCLES[kind].next[from] ?? [];
export const isClosed = (kind: AskKind, status: AskStatus) => LIFECYCLES[kind].closed.includes(status);

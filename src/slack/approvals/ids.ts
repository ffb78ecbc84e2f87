/** The approval modals: the request, a reject (reason required) and an approve (optional comment). */
export const APPROVAL_VIEWS = {
  request: 'rapport.approval.request',
  reject: 'rapport.approval.reject',
  approve: 'rapport.approval.approve',
} as const;

/**
 * Input blocks of the approval modals. Backups are optional pairs of users_select blocks, one
 * "whose backup" and one "backup", in `backupFor[i]` / `backups[i]`: the domain keeps one backup per
 * approver, and pairs say so without relying on the order of a multi-select.
 */
export const APPROVAL_BLOCKS = {
  title: 'approval.title',
  details: 'approval.details',
  approvers: 'approval.approvers',
  rule: 'approval.rule',
  atLeast: 'approval.at_least',
  dueDate: 'approval.due_date',
  dueTime: 'approval.due_time',
  backupFor: ['approval.backup_for.1', 'approval.backup_for.2', 'approval.backup_for.3'],
  backups: ['approval.backup.1', 'approval.backup.2', 'approval.backup.3'],
  comment: 'approval.comment',
  reason: 'approval.reason',
} as const;

/** The approval card's buttons; each carries the approval id as its value. */
export const APPROVAL_ACTIONS = {
  approve: 'approval.approve',
  reject: 'approval.reject',
  withdraw: 'approval.withdraw',
} as const;

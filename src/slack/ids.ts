/** Every callback_id, action_id and block_id Rapport uses, in one place. */
export const COMMAND = '/rapport';

export const VIEWS = {
  setup: 'rapport.setup',
  ask: 'rapport.ask',
  askUpdate: 'rapport.ask.update',
  feedbackComment: 'rapport.feedback.comment',
  addDetails: 'rapport.ask.add_details',
} as const;

export const DETAILS_BLOCKS = { text: 'details.text' } as const;

export const FEEDBACK_BLOCKS = { comment: 'feedback.comment_text' } as const;

export const SHORTCUTS = {
  raise: 'rapport.raise_as_request',
} as const;

export const ACTIONS = {
  askUpdate: 'ask.update',
  askTake: 'ask.take',
  askVote: 'ask.vote',
  askWithdraw: 'ask.withdraw',
  askAddDetails: 'ask.add_details',
  feedbackGood: 'feedback.good',
  feedbackBad: 'feedback.bad',
  feedbackComment: 'feedback.comment',
  askForHelp: 'welcome.ask_for_help',
  suggestImprovement: 'welcome.suggest_improvement',
  seeOpenAsks: 'welcome.see_open_asks',
  askForSignOff: 'welcome.ask_for_sign_off',
  listPrevious: 'asks.list_previous',
  listNext: 'asks.list_next',
} as const;

/** Input blocks of the ask modal (all kinds) and of the update modal. */
export const ASK_BLOCKS = {
  kind: 'ask.kind',
  title: 'ask.title',
  details: 'ask.details',
  urgency: 'ask.urgency',
  businessImpact: 'ask.business_impact',
  workaround: 'ask.workaround',
  dueDate: 'ask.due_date',
  contactId: 'ask.contact',
} as const;

export const UPDATE_BLOCKS = {
  status: 'update.status',
  note: 'update.note',
  internalNote: 'update.internal_note',
  promisedDate: 'update.promised_date',
  ownerId: 'update.owner',
} as const;

/** Input block ids of the setup modal; each holds one element whose action_id is INPUT. */
export const SETUP_BLOCKS = {
  accountName: 'setup.account_name',
  ownerId: 'setup.owner',
  backupOwnerId: 'setup.backup_owner',
  champion: 'setup.contacts.champion',
  executive_sponsor: 'setup.contacts.executive_sponsor',
  technical: 'setup.contacts.technical',
  billing: 'setup.contacts.billing',
  end_user: 'setup.contacts.end_user',
  timeZone: 'setup.time_zone',
  workingDays: 'setup.working_days',
  dayStart: 'setup.day_start',
  dayEnd: 'setup.day_end',
  triageChannelId: 'setup.triage_channel',
  helpReaction: 'setup.reaction_help',
  enhancementReaction: 'setup.reaction_enhancement',
  breakStart: 'setup.break_start',
  breakEnd: 'setup.break_end',
  holidays: 'setup.holidays',
  responseUrgent: 'setup.first_response.urgent',
  responseHigh: 'setup.first_response.high',
  responseNormal: 'setup.first_response.normal',
  responseLow: 'setup.first_response.low',
  updateEvery: 'setup.update_every',
  resolution: 'setup.resolution',
  backupAfterNags: 'setup.escalation.backup_after',
  finalAfterNags: 'setup.escalation.final_after',
  escalationUserId: 'setup.escalation.user',
  digestCron: 'setup.digest.cron',
  digestTimeZone: 'setup.digest.time_zone',
  digestPreview: 'setup.digest.preview',
} as const;

export const INPUT = 'input';

/** The buttons on a reminder; each carries the follow-up id as its value. */
export const NAG_ACTIONS = {
  open: 'nag.open',
  snooze: 'nag.snooze',
  reassign: 'nag.reassign',
  dismiss: 'nag.dismiss',
} as const;

export const NAG_VIEWS = {
  snooze: 'rapport.nag.snooze',
  reassign: 'rapport.nag.reassign',
} as const;

export const SNOOZE_BLOCKS = { until: 'snooze.until', date: 'snooze.date', reason: 'snooze.reason' } as const;
export const REASSIGN_BLOCKS = { ownerId: 'reassign.owner' } as const;

/** The digest preview's buttons (`/rapport digest`); each carries the partnership id as its value. */
export const DIGEST_ACTIONS = {
  postNow: 'digest.post_now',
  editSchedule: 'digest.edit_schedule',
} as const;

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

/** The stakeholder map's form (`/rapport people`): one role and one custom role per person listed. */
export const PEOPLE_VIEWS = { edit: 'rapport.people' } as const;
export const PEOPLE_BLOCKS = {
  role: (userId: string) => `people.role.${userId}`,
  custom: (userId: string) => `people.custom.${userId}`,
  addUser: 'people.add.user',
  addRole: 'people.add.role',
  addCustom: 'people.add.custom',
} as const;

/** The communication plan (`/rapport plan`): its edit form and the Edit plan button (value: partnership id). */
export const PLAN_VIEWS = { edit: 'rapport.plan.edit' } as const;
export const PLAN_ACTIONS = { edit: 'plan.edit' } as const;
/** Input blocks of the plan form: one users_select per purpose and side, then the two texts. */
export const PLAN_BLOCKS = {
  technical: { vendor: 'plan.technical.vendor', customer: 'plan.technical.customer' },
  billing: { vendor: 'plan.billing.vendor', customer: 'plan.billing.customer' },
  escalation: { vendor: 'plan.escalation.vendor', customer: 'plan.escalation.customer' },
  executive: { vendor: 'plan.executive.vendor', customer: 'plan.executive.customer' },
  meetingCadence: 'plan.meeting_cadence',
  shared: 'plan.shared',
} as const;

/** `/rapport connect`: the form that creates a customer channel and sends its Slack Connect invitations. */
export const CONNECT_VIEWS = { create: 'rapport.connect' } as const;
/** Input blocks of the connect form; each holds one element whose action_id is INPUT. */
export const CONNECT_BLOCKS = {
  accountName: 'connect.account_name',
  channelName: 'connect.channel_name',
  isPrivate: 'connect.private',
  emails: 'connect.emails',
  ownerId: 'connect.owner',
} as const;

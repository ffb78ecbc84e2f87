export const SETUP_VIEWS = { setup: 'rapport.setup' } as const;

/** The welcome message's buttons. */
export const WELCOME_ACTIONS = {
  askForHelp: 'welcome.ask_for_help',
  suggestImprovement: 'welcome.suggest_improvement',
  seeOpenAsks: 'welcome.see_open_asks',
  askForApproval: 'welcome.ask_for_sign_off',
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
  backupAfterReminders: 'setup.escalation.backup_after',
  finalAfterReminders: 'setup.escalation.final_after',
  escalationUserId: 'setup.escalation.user',
  digestCron: 'setup.digest.cron',
  digestTimeZone: 'setup.digest.time_zone',
  digestPreview: 'setup.digest.preview',
  tags: 'setup.tags',
} as const;

/** Every callback_id, action_id and block_id Rapport uses, in one place. */
export const COMMAND = '/rapport';

export const VIEWS = {
  setup: 'rapport.setup',
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
} as const;

export const INPUT = 'input';

import type { KnownBlock, View } from '@slack/types';
import {
  CONTACT_ROLES,
  type ContactRole,
  DEFAULT_BUSINESS_HOURS,
  DEFAULT_REACTIONS,
  type PartnershipInput,
  type Weekday,
} from '../../domain/partnerships/partnership.js';
import { SETUP_BLOCKS, VIEWS } from '../ids.js';
import { plain } from './blocks.js';
import { input, textInput, withInitial } from './inputs.js';
import { ROLE_LABELS } from './partnership-summary.js';

export const ACCOUNT_NAME_MAX = 80;

const WEEKDAYS: [Weekday, string][] = [
  [1, 'Monday'],
  [2, 'Tuesday'],
  [3, 'Wednesday'],
  [4, 'Thursday'],
  [5, 'Friday'],
  [6, 'Saturday'],
  [7, 'Sunday'],
];

/** Carried through the modal so the submission knows where it belongs and what it edits. */
export interface SetupMetadata {
  channelId: string;
  expectedVersion: number | null;
}

export interface SetupModalInput {
  metadata: SetupMetadata;
  /** The saved partnership's values when editing; defaults when creating. */
  values: Partial<PartnershipInput> & { ownerId: string; timeZone: string };
}

const dayOption = ([day, name]: [Weekday, string]) => ({ text: plain(name), value: String(day) });

export function buildSetupModal({ metadata, values }: SetupModalInput): View {
  const hours = values.businessHours ?? DEFAULT_BUSINESS_HOURS;
  const contactsOf = (role: ContactRole) =>
    (values.contacts ?? []).filter((c) => c.role === role).map((c) => c.userId);
  const blocks = [
    input(
      SETUP_BLOCKS.accountName,
      'Customer account name',
      {
        type: 'plain_text_input',
        max_length: ACCOUNT_NAME_MAX,
        ...withInitial('initial_value', values.accountName),
      },
      { hint: plain('Shown to the customer, and the start of request references such as ACME-12.') },
    ),
    input(SETUP_BLOCKS.ownerId, 'Owner (at your company)', {
      type: 'users_select',
      initial_user: values.ownerId,
    }),
    input(
      SETUP_BLOCKS.backupOwnerId,
      'Backup owner',
      { type: 'users_select', ...withInitial('initial_user', values.backupOwnerId) },
      { optional: true, hint: plain('Steps in when the owner is away.') },
    ),
    ...CONTACT_ROLES.map((role) =>
      input(
        SETUP_BLOCKS[role],
        `Customer ${ROLE_LABELS[role].toLowerCase()}s`,
        { type: 'multi_users_select', ...withInitial('initial_users', contactsOf(role)) },
        { optional: true },
      ),
    ),
    input(
      SETUP_BLOCKS.timeZone,
      'Time zone',
      { type: 'plain_text_input', max_length: 64, initial_value: values.timeZone },
      { hint: plain('A time zone name such as Europe/Berlin or America/New_York.') },
    ),
    input(SETUP_BLOCKS.workingDays, 'Working days', {
      type: 'checkboxes',
      options: WEEKDAYS.map(dayOption),
      ...withInitial('initial_options', WEEKDAYS.filter(([d]) => hours.days.includes(d)).map(dayOption)),
    }),
    input(SETUP_BLOCKS.dayStart, 'Working day starts', { type: 'timepicker', initial_time: hours.start }),
    input(SETUP_BLOCKS.dayEnd, 'Working day ends', { type: 'timepicker', initial_time: hours.end }),
    input(
      SETUP_BLOCKS.triageChannelId,
      'Internal triage channel',
      {
        type: 'conversations_select',
        filter: {
          include: ['public', 'private'],
          exclude_external_shared_channels: true,
          exclude_bot_users: true,
        },
        ...withInitial('initial_conversation', values.triageChannelId),
      },
      { optional: true, hint: plain('Vendor-only channel for internal notes. Never a shared channel.') },
    ),
    textInput(SETUP_BLOCKS.helpReaction, 'Reaction that raises a help request', {
      initial: (values.reactions ?? DEFAULT_REACTIONS).help,
      max: 64,
      hint: 'An emoji name without colons; reacting with it to any message here raises it.',
    }),
    textInput(SETUP_BLOCKS.enhancementReaction, 'Reaction that suggests an improvement', {
      initial: (values.reactions ?? DEFAULT_REACTIONS).enhancement,
      max: 64,
    }),
  ] as KnownBlock[];
  return {
    type: 'modal',
    callback_id: VIEWS.setup,
    private_metadata: JSON.stringify(metadata),
    title: plain(metadata.expectedVersion === null ? 'Set up partnership' : 'Edit partnership'),
    submit: plain('Save'),
    close: plain('Cancel'),
    blocks,
  };
}

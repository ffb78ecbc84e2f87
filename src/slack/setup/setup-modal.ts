import type { KnownBlock, View } from '@slack/types';
import type { Urgency } from '../../domain/asks/ask.js';
import { DEFAULT_DIGEST_CRON, type DigestSchedule } from '../../domain/digests/digest-schedule.js';
import {
  CONTACT_ROLES,
  type ContactRole,
  DEFAULT_BUSINESS_HOURS,
  DEFAULT_ESCALATION,
  DEFAULT_REACTIONS,
  DEFAULT_SLA,
  type EscalationPolicy,
  type PartnershipInput,
  type SlaPolicy,
  type Weekday,
} from '../../domain/partnerships/partnership.js';
import {
  ACCOUNT_NAME_MAX,
  DIGEST_CRON_MAX,
  EMOJI_NAME_MAX,
  MAX_CONTACTS_PER_ROLE,
  MAX_HOLIDAYS,
  MAX_NAGS,
  TIME_ZONE_MAX,
} from '../../domain/partnerships/partnership-sizes.js';
import { MAX_TAGS, TAG_MAX } from '../../domain/partnerships/partnership-tags.js';
import { context, header, plain } from '../shared/blocks.js';
import { describeDurationWithDays, URGENCIES_BY_PRIORITY } from '../shared/describe-duration.js';
import { describeSchedule } from '../shared/describe-schedule.js';
import { escapeText } from '../shared/escape.js';
import { input, textInput, withInitial } from '../shared/inputs.js';
import { SETUP_BLOCKS, SETUP_VIEWS } from './ids.js';
import { ROLE_LABELS } from './partnership-summary.js';

/** Where each urgency's first-response target is chosen. */
export const FIRST_RESPONSE_BLOCKS: Record<Urgency, string> = {
  urgent: SETUP_BLOCKS.responseUrgent,
  high: SETUP_BLOCKS.responseHigh,
  normal: SETUP_BLOCKS.responseNormal,
  low: SETUP_BLOCKS.responseLow,
};

const RESPONSE_LABELS: Record<Urgency, string> = {
  urgent: 'Answer urgent requests within',
  high: 'Answer high-urgency requests within',
  normal: 'Answer normal requests within',
  low: 'Answer low-urgency requests within',
};

/** Business minutes, from 15 min to a business week (two for resolution). */
const RESPONSE_CHOICES = [15, 30, 60, 120, 240, 480, 960, 1440, 2400];
const RESOLUTION_CHOICES = [60, 120, 240, 480, 960, 1440, 2400, 3600, 4800];
const REMINDER_CHOICES = Array.from({ length: MAX_NAGS }, (_, i) => i + 1);

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
  /** For the digest schedule's preview of its next slots. */
  now: Date;
}

const dayOption = ([day, name]: [Weekday, string]) => ({ text: plain(name), value: String(day) });

type Option = { text: ReturnType<typeof plain>; value: string };
const durationOption = (minutes: number): Option => ({
  text: plain(describeDurationWithDays(minutes)),
  value: String(minutes),
});
const remindersOption = (n: number): Option => ({
  text: plain(`${n} unanswered reminder${n === 1 ? '' : 's'}`),
  value: String(n),
});

/** A select over `choices`; a saved value outside them joins them, so the form shows what is stored. */
function choice(choices: number[], selected: number, option: (n: number) => Option) {
  const all = choices.includes(selected) ? choices : [...choices, selected].sort((a, b) => a - b);
  return { type: 'static_select', options: all.map(option), initial_option: option(selected) };
}

export function buildSetupModal({ metadata, values, now }: SetupModalInput): View {
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
        {
          type: 'multi_users_select',
          max_selected_items: MAX_CONTACTS_PER_ROLE,
          ...withInitial('initial_users', contactsOf(role)),
        },
        { optional: true },
      ),
    ),
    input(
      SETUP_BLOCKS.timeZone,
      'Time zone',
      { type: 'plain_text_input', max_length: TIME_ZONE_MAX, initial_value: values.timeZone },
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
      SETUP_BLOCKS.breakStart,
      'Daily break starts',
      { type: 'timepicker', ...withInitial('initial_time', hours.dailyBreak?.start) },
      {
        optional: true,
        hint: plain('Such as lunch: response clocks stop during it. Leave both empty for none.'),
      },
    ),
    input(
      SETUP_BLOCKS.breakEnd,
      'Daily break ends',
      { type: 'timepicker', ...withInitial('initial_time', hours.dailyBreak?.end) },
      { optional: true },
    ),
    textInput(SETUP_BLOCKS.holidays, 'Holidays', {
      initial: hours.holidays.join(', '),
      multiline: true,
      optional: true,
      hint: `Days off, written YYYY-MM-DD (2026-12-24, 2026-12-25) and separated by commas, spaces or new lines. Up to ${MAX_HOLIDAYS}.`,
    }),
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
    textInput(SETUP_BLOCKS.tags, 'Tags', {
      initial: (values.tags ?? []).join(', '),
      max: MAX_TAGS * (TAG_MAX + 2),
      optional: true,
      hint: 'Internal segments such as enterprise, eu, beta, separated by commas: announcements target them.',
    }),
    textInput(SETUP_BLOCKS.helpReaction, 'Reaction that raises a help request', {
      initial: (values.reactions ?? DEFAULT_REACTIONS).help,
      max: EMOJI_NAME_MAX,
      hint: 'An emoji name without colons; reacting with it to any message here raises it.',
    }),
    textInput(SETUP_BLOCKS.enhancementReaction, 'Reaction that suggests an improvement', {
      initial: (values.reactions ?? DEFAULT_REACTIONS).enhancement,
      max: EMOJI_NAME_MAX,
    }),
    ...policyBlocks(values.sla ?? DEFAULT_SLA, values.escalation ?? DEFAULT_ESCALATION),
    // A new partnership gets the weekly default; an edited one shows what it has, none included.
    ...digestBlocks(
      values.digest === undefined ? { cron: DEFAULT_DIGEST_CRON, timeZone: values.timeZone } : values.digest,
      now,
    ),
  ] as KnownBlock[];
  return {
    type: 'modal',
    callback_id: SETUP_VIEWS.setup,
    private_metadata: JSON.stringify(metadata),
    title: plain(metadata.expectedVersion === null ? 'Set up partnership' : 'Edit partnership'),
    submit: plain('Save'),
    close: plain('Cancel'),
    blocks,
  };
}

/**
 * The digest schedule, with a preview of its next slots. Pressing Enter in either field refreshes the
 * preview (dispatch_action); Slack keeps what was typed in the other fields across that update.
 */
function digestBlocks(digest: DigestSchedule | null, now: Date): KnownBlock[] {
  const onEnter = { dispatch_action_config: { trigger_actions_on: ['on_enter_pressed'] } };
  return [
    header('Status digest'),
    context(
      'Posted in this channel for everyone, with an internal one for your team in the triage channel (or to the owner).',
    ),
    input(
      SETUP_BLOCKS.digestCron,
      'Schedule (cron: minute hour day month weekday)',
      {
        type: 'plain_text_input',
        max_length: DIGEST_CRON_MAX,
        ...onEnter,
        ...withInitial('initial_value', digest?.cron),
      },
      {
        optional: true,
        dispatch_action: true,
        hint: plain(`“${DEFAULT_DIGEST_CRON}” is Mondays at 09:00. Leave empty for no scheduled digest.`),
      },
    ),
    input(
      SETUP_BLOCKS.digestTimeZone,
      'Digest time zone',
      {
        type: 'plain_text_input',
        max_length: TIME_ZONE_MAX,
        ...onEnter,
        ...withInitial('initial_value', digest?.timeZone),
      },
      { optional: true, dispatch_action: true, hint: plain('Empty: the partnership’s time zone.') },
    ),
    digestPreviewBlock(escapeText(describeSchedule(digest, now))),
  ] as KnownBlock[];
}

export const digestPreviewBlock = (text: string): KnownBlock => ({
  ...context(text),
  block_id: SETUP_BLOCKS.digestPreview,
});

/** Response targets and escalation steps: what is promised, and who is reminded when it slips. */
function policyBlocks(sla: SlaPolicy, escalation: EscalationPolicy): KnownBlock[] {
  return [
    header('Response targets'),
    context(
      'In business time: the clock runs only in business hours and stops while we wait on the customer.',
    ),
    ...URGENCIES_BY_PRIORITY.map((u) =>
      input(
        FIRST_RESPONSE_BLOCKS[u],
        RESPONSE_LABELS[u],
        choice(RESPONSE_CHOICES, sla.firstResponse[u], durationOption),
      ),
    ),
    input(
      SETUP_BLOCKS.updateEvery,
      'While a request is open, an owner update at least every',
      choice(RESPONSE_CHOICES, sla.updateEvery, durationOption),
    ),
    input(
      SETUP_BLOCKS.resolution,
      'Resolve help requests within',
      choice(RESOLUTION_CHOICES, sla.resolution, durationOption),
    ),
    header('Escalation'),
    context('Internal: the customer never sees who is reminded.'),
    input(
      SETUP_BLOCKS.backupAfterReminders,
      'Remind the backup owner after',
      choice(REMINDER_CHOICES, escalation.backupAfterNags, remindersOption),
      { hint: plain('Reminders to the owner about a request that has gone quiet.') },
    ),
    input(
      SETUP_BLOCKS.finalAfterReminders,
      'Final escalation after',
      choice(REMINDER_CHOICES, escalation.finalAfterNags, remindersOption),
    ),
    input(
      SETUP_BLOCKS.escalationUserId,
      'Escalate finally to',
      { type: 'users_select', ...withInitial('initial_user', escalation.userId) },
      {
        optional: true,
        hint: plain(
          'Someone at your company. When empty, the final step goes to the internal triage channel.',
        ),
      },
    ),
  ] as KnownBlock[];
}

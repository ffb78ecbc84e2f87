import type { KnownBlock, View } from '@slack/types';
import { ANNOUNCEMENT_TEXT_MAX } from '../../domain/announcements/announcement.js';
import { MAX_TAGS, TAG_MAX } from '../../domain/partnerships/partnership-tags.js';
import { incidentFormBlocks } from '../incidents/incident-form.js';
import { plain } from '../shared/blocks.js';
import { input, textInput, withInitial } from '../shared/inputs.js';
import { ANNOUNCE_VIEWS, ANNOUNCE_BLOCKS as B } from './ids.js';

const option = (value: string, text: string) => ({ text: plain(text), value });
const AUDIENCES = [
  option('all', 'Every partnership'),
  option('tags', 'Partnerships with any of these tags'),
  option('tags_all', 'Partnerships with all of these tags'),
  option('picked', 'The partnerships I pick'),
];
const WHEN = [
  option('now', 'As soon as I confirm'),
  option('later', 'At the date and time below'),
  option('working_hours', 'In each partnership’s next working hours'),
];
export const NOTIFY_CHANNEL = option('channel', 'Notify everyone in each channel (@channel)');
const TAGS_MAX_LENGTH = MAX_TAGS * (TAG_MAX + 2);

/** What an announcement being edited fills the form with, as the form's own values. */
export interface Prefill {
  title: string;
  body: string;
  notify: boolean;
  audience: string;
  tags: string;
  excludedTags: string;
  picked: string[];
  excludedPicked: string[];
  when: string;
  date: string | null;
  time: string | null;
  signOffBy: string | null;
}

const partnershipsSelect = {
  type: 'multi_conversations_select',
  max_selected_items: 100,
  filter: { include: ['public', 'private'], exclude_bot_users: true },
};

/**
 * `/rapport announce`: what to say, to whom, and when (in the sender's zone, carried in the metadata), and
 * who signs it off (required over `signOffThreshold` partnerships).
 */
export function buildAnnounceModal(
  metadata: { timeZone: string; replaces?: string },
  today: string,
  signOffThreshold: number,
  editing: Prefill | null = null,
): View {
  const at = (key: string, value: unknown) => (editing === null ? {} : withInitial(key, value));
  const blocks = [
    textInput(B.title, 'Title', {
      max: ANNOUNCEMENT_TEXT_MAX.title,
      ...(editing ? { initial: editing.title } : {}),
    }),
    textInput(B.body, 'Message', {
      ...(editing ? { initial: editing.body } : {}),
      multiline: true,
      max: ANNOUNCEMENT_TEXT_MAX.body,
      hint: 'Slack formatting (*bold*, _italic_, lists). Mentions and @channel are shown as plain text.',
    }),
    input(
      B.notifyChannel,
      'Notify',
      {
        type: 'checkboxes',
        options: [NOTIFY_CHANNEL],
        ...at('initial_options', editing?.notify ? [NOTIFY_CHANNEL] : null),
      },
      { optional: true, hint: plain('Off: the message notifies nobody. On: it starts with @channel.') },
    ),
    input(B.audience, 'Send to', {
      type: 'radio_buttons',
      options: AUDIENCES,
      initial_option: AUDIENCES.find((o) => o.value === editing?.audience) ?? AUDIENCES[0],
    }),
    textInput(B.tags, 'Tags (for “any” or “all of these tags”)', {
      ...(editing ? { initial: editing.tags } : {}),
      max: TAGS_MAX_LENGTH,
      optional: true,
      hint: 'Such as enterprise, eu: partnerships with any of them, or with all of them.',
    }),
    textInput(B.excludedTags, 'Leave out partnerships tagged', {
      ...(editing ? { initial: editing.excludedTags } : {}),
      max: TAGS_MAX_LENGTH,
      optional: true,
    }),
    input(
      B.picked,
      'Partnerships (for “the partnerships I pick”)',
      { ...partnershipsSelect, ...at('initial_conversations', editing?.picked) },
      { optional: true },
    ),
    input(
      B.excludedPicked,
      'Leave out these partnerships',
      { ...partnershipsSelect, ...at('initial_conversations', editing?.excludedPicked) },
      { optional: true },
    ),
    ...incidentFormBlocks(),
    input(B.when, 'When', {
      type: 'radio_buttons',
      options: WHEN,
      initial_option: WHEN.find((o) => o.value === editing?.when) ?? WHEN[0],
    }),
    input(B.date, 'Date', { type: 'datepicker', initial_date: editing?.date ?? today }, { optional: true }),
    input(
      B.time,
      `Time (${metadata.timeZone})`,
      { type: 'timepicker', initial_time: editing?.time ?? '09:00' },
      { optional: true },
    ),
    input(
      B.signOffBy,
      'Sign-off by',
      { type: 'users_select', ...at('initial_user', editing?.signOffBy) },
      {
        optional: true,
        hint: plain(
          `A colleague who approves it before it goes: needed over ${signOffThreshold} partnerships.`,
        ),
      },
    ),
  ] as KnownBlock[];
  return {
    type: 'modal',
    callback_id: ANNOUNCE_VIEWS.form,
    private_metadata: JSON.stringify(metadata),
    title: plain('Announcement'),
    submit: plain('Preview'),
    close: plain('Cancel'),
    blocks,
  };
}

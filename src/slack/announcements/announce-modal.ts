import type { KnownBlock, View } from '@slack/types';
import { ANNOUNCEMENT_TEXT_MAX } from '../../domain/announcements/announcement.js';
import { MAX_TAGS, TAG_MAX } from '../../domain/partnerships/partnership-tags.js';
import { plain } from '../shared/blocks.js';
import { input, textInput } from '../shared/inputs.js';
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
  metadata: { timeZone: string },
  today: string,
  signOffThreshold: number,
): View {
  const blocks = [
    textInput(B.title, 'Title', { max: ANNOUNCEMENT_TEXT_MAX.title }),
    textInput(B.body, 'Message', {
      multiline: true,
      max: ANNOUNCEMENT_TEXT_MAX.body,
      hint: 'Slack formatting (*bold*, _italic_, lists). Mentions and @channel are shown as plain text.',
    }),
    input(
      B.notifyChannel,
      'Notify',
      { type: 'checkboxes', options: [NOTIFY_CHANNEL] },
      { optional: true, hint: plain('Off: the message notifies nobody. On: it starts with @channel.') },
    ),
    input(B.audience, 'Send to', { type: 'radio_buttons', options: AUDIENCES, initial_option: AUDIENCES[0] }),
    textInput(B.tags, 'Tags (for “any” or “all of these tags”)', {
      max: TAGS_MAX_LENGTH,
      optional: true,
      hint: 'Such as enterprise, eu: partnerships with any of them, or with all of them.',
    }),
    textInput(B.excludedTags, 'Leave out partnerships tagged', { max: TAGS_MAX_LENGTH, optional: true }),
    input(B.picked, 'Partnerships (for “the partnerships I pick”)', partnershipsSelect, { optional: true }),
    input(B.excludedPicked, 'Leave out these partnerships', partnershipsSelect, { optional: true }),
    input(B.when, 'When', { type: 'radio_buttons', options: WHEN, initial_option: WHEN[0] }),
    input(B.date, 'Date', { type: 'datepicker', initial_date: today }, { optional: true }),
    input(
      B.time,
      `Time (${metadata.timeZone})`,
      { type: 'timepicker', initial_time: '09:00' },
      { optional: true },
    ),
    input(
      B.signOffBy,
      'Sign-off by',
      { type: 'users_select' },
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

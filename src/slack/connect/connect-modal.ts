import type { KnownBlock, View } from '@slack/types';
import { ACCOUNT_NAME_MAX } from '../../domain/partnerships/partnership-sizes.js';
import { context, plain } from '../shared/blocks.js';
import { input, textInput, withInitial } from '../shared/inputs.js';
import { CHANNEL_NAME_MAX, channelNameFromAccount } from './channel-name.js';
import { CONNECT_BLOCKS, CONNECT_VIEWS } from './ids.js';
import { type ConnectMetadata, MAX_INVITES, PRIVATE_OPTION } from './parse-connect-submission.js';

export interface ConnectModalInput {
  metadata: ConnectMetadata;
  /** The command's text (`/rapport connect Acme Corp`), pre-filling the account and channel names. */
  accountName: string;
  /** The owner pre-selected: the person running the command. */
  ownerId: string;
}

const privateOption = {
  text: plain('Private channel'),
  value: PRIVATE_OPTION,
  description: plain('Only people invited can find and join it.'),
};

/** The `/rapport connect` form: a new customer channel, who to invite to it, and who owns the account. */
export function buildConnectModal({ metadata, accountName, ownerId }: ConnectModalInput): View {
  const name = accountName.trim().slice(0, ACCOUNT_NAME_MAX);
  const blocks: KnownBlock[] = [
    context(
      'Rapport creates the channel, adds you and the owner, pins a welcome message, and emails each address a ' +
        'Slack Connect invitation. Admins on either side may have to approve the invitation.',
    ),
    input(
      CONNECT_BLOCKS.accountName,
      'Customer account name',
      {
        type: 'plain_text_input',
        max_length: ACCOUNT_NAME_MAX,
        ...withInitial('initial_value', name || null),
      },
      { hint: plain('Shown to the customer, and the start of request references such as ACME-12.') },
    ),
    textInput(CONNECT_BLOCKS.channelName, 'Channel name', {
      initial: channelNameFromAccount(name),
      max: CHANNEL_NAME_MAX + 20,
      optional: true,
      hint:
        `Lower-case letters, digits, hyphens and underscores; at most ${CHANNEL_NAME_MAX} characters. ` +
        'Left empty, it is made from the account name (Acme Corp → acme-corp).',
    }),
    input(
      CONNECT_BLOCKS.isPrivate,
      'Visibility',
      { type: 'checkboxes', options: [privateOption] },
      { optional: true },
    ),
    textInput(CONNECT_BLOCKS.emails, 'Customer email addresses to invite', {
      multiline: true,
      hint: `One per line, or separated by commas. Up to ${MAX_INVITES}; each gets their own invitation.`,
    }),
    input(CONNECT_BLOCKS.ownerId, 'Owner (at your company)', { type: 'users_select', initial_user: ownerId }),
  ];
  return {
    type: 'modal',
    callback_id: CONNECT_VIEWS.create,
    private_metadata: JSON.stringify(metadata),
    title: plain('Connect a customer'),
    submit: plain('Create and invite'),
    close: plain('Cancel'),
    blocks,
  };
}

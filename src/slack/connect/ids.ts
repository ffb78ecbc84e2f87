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

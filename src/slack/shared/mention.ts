/** A person named in mrkdwn: Slack shows the mention as their name, in their own workspace's terms. */
export const mention = (userId: string) => `<@${userId}>`;

/** Several people named in mrkdwn, comma-separated. */
export const mentions = (userIds: readonly string[]) => userIds.map(mention).join(', ');

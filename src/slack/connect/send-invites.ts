import type { WebClient } from '@slack/web-api';
import { CONNECT_SCOPES, type Refusal, refusalFrom, slackErrorOf } from './slack-refusals.js';

export type InviteResult =
  | { email: string; ok: true; inviteId: string | null }
  | { email: string; ok: false; refusal: Refusal };

/**
 * One conversations.inviteShared per address (Slack takes one at a time), in order, so one refusal never
 * stops the others. Invitees get post-only (external_limited) access, Slack's default: they cannot add
 * more people from their side. If Slack says the bot is not in the channel (it created it, so it should
 * be), it joins once (public channels) and tries that address again.
 */
export async function sendInvites(
  client: WebClient,
  channelId: string,
  emails: string[],
): Promise<InviteResult[]> {
  let triedJoining = false;
  const inviteOne = async (email: string): Promise<InviteResult> => {
    try {
      const answer = await client.conversations.inviteShared({
        channel: channelId,
        emails: [email],
        external_limited: true,
      });
      return { email, ok: true, inviteId: typeof answer.invite_id === 'string' ? answer.invite_id : null };
    } catch (error) {
      if (!triedJoining && slackErrorOf(error).code === 'not_in_channel') {
        triedJoining = true;
        const joined = await client.conversations.join({ channel: channelId }).then(
          () => true,
          () => false, // a private channel cannot be joined: the refusal below says what to do
        );
        if (joined) return inviteOne(email);
      }
      return { email, ok: false, refusal: refusalFrom(error, CONNECT_SCOPES.invite) };
    }
  };
  const results: InviteResult[] = [];
  for (const email of emails) results.push(await inviteOne(email));
  return results;
}

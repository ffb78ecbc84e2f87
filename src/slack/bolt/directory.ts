import type { WebClient } from '@slack/web-api';
import type { Actor, Side } from '../../domain/actors.js';
import type { Clock, Directory } from '../../domain/ports.js';

interface UserFacts {
  teamId: string;
  side: Side;
  timeZone: string | null;
  /** How people see them in Slack, for plain-text places (modal errors) where a mention does not render. */
  name: string;
  /** A Slack admin or owner of their workspace. */
  admin: boolean;
}

const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 5_000;

export interface SlackDirectory extends Directory {
  /** Facts about a user from users.info (cached for ten minutes); null when Slack does not know them. */
  user(userId: string): Promise<UserFacts | null>;
  /**
   * The acting person. `teamIdHint` is the user's own team as a payload states it (block_actions and
   * view_submission carry it); commands do not, so users.info decides.
   */
  actor(userId: string, teamIdHint?: string): Promise<Actor>;
  /** Everyone in the channel now (not cached: membership is what an approval is checked against). */
  channelMembers(channelId: string): Promise<Set<string>>;
}

/**
 * People and channels as Slack sees them. A user is customer-side when their team is not ours. `clientNow`
 * is asked at each call: a workspace's token may be refreshed while its directory (and cache) lives on.
 */
export function createSlackDirectory(
  clientNow: () => WebClient,
  vendorTeamId: string,
  clock: Clock,
): SlackDirectory {
  const cache = new Map<string, { facts: UserFacts | null; expires: number }>();

  async function user(userId: string): Promise<UserFacts | null> {
    const now = clock.now().getTime();
    const hit = cache.get(userId);
    if (hit && hit.expires > now) return hit.facts;
    const facts = await lookUp(userId);
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(userId, { facts, expires: now + TTL_MS });
    return facts;
  }

  async function lookUp(userId: string): Promise<UserFacts | null> {
    try {
      const { user: u } = await clientNow().users.info({ user: userId });
      if (!u) return null;
      const teamId = u.team_id ?? '';
      const external = u.is_stranger === true || teamId !== vendorTeamId;
      const name = u.profile?.display_name || u.real_name || u.name || userId;
      const admin = u.is_admin === true || u.is_owner === true;
      return { teamId, side: external ? 'customer' : 'vendor', timeZone: u.tz ?? null, name, admin };
    } catch (error) {
      if ((error as { data?: { error?: string } }).data?.error === 'user_not_found') return null;
      throw error;
    }
  }

  return {
    user,
    async sideOfUser(userId) {
      return (await user(userId))?.side ?? null;
    },
    async isExternallyShared(channelId) {
      const { channel } = await clientNow().conversations.info({ channel: channelId });
      return channel?.is_ext_shared === true || channel?.is_pending_ext_shared === true;
    },
    async actor(userId, teamIdHint) {
      if (teamIdHint && teamIdHint !== vendorTeamId) return { userId, teamId: teamIdHint, side: 'customer' };
      const facts = await user(userId);
      // Someone Slack cannot describe gets the narrower, customer-side rights.
      if (!facts) return { userId, teamId: teamIdHint ?? '', side: 'customer' };
      return { userId, teamId: facts.teamId, side: facts.side };
    },
    async channelMembers(channelId) {
      const members = new Set<string>();
      let cursor: string | undefined;
      do {
        const page = await clientNow().conversations.members({
          channel: channelId,
          limit: 500,
          ...(cursor ? { cursor } : {}),
        });
        for (const id of page.members ?? []) members.add(id);
        cursor = page.response_metadata?.next_cursor || undefined;
      } while (cursor);
      return members;
    },
  };
}

import type { LookUpPerson, PersonFacts } from '../../domain/plan/communication-plan.js';
import type { SlackDirectory } from '../bolt/directory.js';

/**
 * The people a plan names as Slack knows them now (side from their team, membership of the channel),
 * for the domain's checks. Channel members are read once per save, not cached.
 */
export async function lookUpPlanPeople(
  deps: { directory: SlackDirectory },
  channelId: string,
  userIds: string[],
): Promise<LookUpPerson> {
  if (userIds.length === 0) return () => null;
  const [facts, members] = await Promise.all([
    Promise.all(userIds.map(async (id) => [id, await deps.directory.user(id)] as const)),
    deps.directory.channelMembers(channelId),
  ]);
  const known = new Map<string, PersonFacts>();
  for (const [id, user] of facts) {
    if (user) known.set(id, { side: user.side, inChannel: members.has(id) });
  }
  return (userId) => known.get(userId) ?? null;
}

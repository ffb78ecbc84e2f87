import type { WebClient } from '@slack/web-api';
import type { Approval } from '../../domain/approvals/approval.js';
import { pendingApprovers } from '../../domain/approvals/rules.js';
import { listAsks } from '../../domain/asks/list-asks.js';
import { loadSubject } from '../../domain/follow-ups/subject.js';
import type { Partnership } from '../../domain/partnerships/partnership.js';
import type { PartnershipRepository } from '../../domain/ports.js';
import { activeCustomerIds, recentDepartures } from '../../domain/stakeholders/relationship-risks.js';
import { errorFields } from '../../logger.js';
import type { InWorkspace } from '../bolt/deps.js';
import {
  APPROVALS_COUNTED,
  buildHomeView,
  HOME_LIMITS,
  type HomeData,
  type OwedItem,
  type WaitingApproval,
} from './home-view.js';

/** What a Home tab is made from. */
type HomeDeps = Pick<InWorkspace, 'repositories' | 'directory' | 'clock' | 'logger'>;

/** Everything the Home tab shows, loading only what fits on it: someone may owe hundreds of things. */
async function gatherHome(deps: HomeDeps, userId: string, now: Date): Promise<HomeData> {
  const repos = deps.repositories;
  const [openFollowUps, pending, raised, owned, viewer, sent] = await Promise.all([
    repos.followUps.listOpenByOwner(userId),
    repos.approvals.listPendingFor(userId, APPROVALS_COUNTED + 1),
    repos.asks.listRaisedBy(userId, HOME_LIMITS.raised),
    repos.partnerships.listByOwner(userId),
    deps.directory.actor(userId),
    repos.announcements.listRecentBy(userId, HOME_LIMITS.announcements),
  ]);
  const announcements = await Promise.all(
    sent.map(async (announcement) => ({
      announcement,
      counts: await repos.announcementDeliveries.count(announcement.id),
    })),
  );
  // Approvals have their own section: their follow-ups are neither listed nor counted as owed.
  const followUps = openFollowUps.filter((f) => f.subject.type !== 'approval');
  const loaded = await Promise.all(
    followUps.slice(0, HOME_LIMITS.owed).map(async (followUp) => {
      const subject = await loadSubject(repos, followUp.subject);
      return subject && subject.type !== 'approval' ? { followUp, subject } : null;
    }),
  );
  const owed = loaded.filter((item): item is OwedItem => item !== null);
  const approvals = pending.map((approval) => waitingOn(approval, userId));
  const partnerships = await Promise.all(
    owned.slice(0, HOME_LIMITS.partnerships).map(async (partnership) => {
      const query = { partnershipId: partnership.id, viewer, filter: 'open' as const, skip: 0, limit: 1 };
      const [open, overdue, digests, people] = await Promise.all([
        listAsks(repos.asks, query),
        repos.followUps.countOverdue(partnership.id, now),
        repos.digests.listRecent(partnership.id, 1),
        repos.stakeholders.listByPartnership(partnership.id),
      ]);
      const active = activeCustomerIds(people, now);
      return {
        partnership,
        openAsks: open.total,
        overdue,
        lastDigest: digests[0] ?? null,
        singleThreadedOn: active.length === 1 ? (active[0] as string) : null,
        departures: recentDepartures(people, partnership, now),
      };
    }),
  );
  const partnershipIds = [
    ...owed.map((i) => i.followUp.partnershipId),
    ...approvals.slice(0, HOME_LIMITS.approvals).map((w) => w.approval.partnershipId),
    ...raised.map((a) => a.partnershipId),
  ];
  return {
    owed,
    // A subject that is gone cannot be shown, so it is not counted either.
    owedTotal: followUps.length - (loaded.length - owed.length),
    approvals,
    raised,
    partnerships,
    partnershipsTotal: owned.length,
    announcements,
    accountNames: await accountNames(repos.partnerships, partnershipIds, owned),
  };
}

/** Whose seats the reader would decide for: their own, or those passed on to them as a backup. */
function waitingOn(approval: Approval, userId: string): WaitingApproval {
  const seats = pendingApprovers(approval);
  const own = seats.some((a) => a.userId === userId);
  const standingInFor = own
    ? []
    : seats
        .filter((a) => a.backupId === userId && approval.escalated.includes(a.userId))
        .map((a) => a.userId);
  return { approval, standingInFor };
}

async function accountNames(
  repo: PartnershipRepository,
  ids: string[],
  known: Partnership[],
): Promise<Map<string, string>> {
  const names = new Map(known.map((p) => [p.id, p.accountName]));
  const missing = [...new Set(ids)].filter((id) => !names.has(id));
  for (const p of await Promise.all(missing.map((id) => repo.findById(id)))) {
    if (p) names.set(p.id, p.accountName);
  }
  return names;
}

async function publishHome(client: WebClient, deps: HomeDeps, userId: string): Promise<void> {
  const now = deps.clock.now();
  const view = buildHomeView(await gatherHome(deps, userId, now), now);
  await client.views.publish({ user_id: userId, view });
}

/**
 * The Home tab shows internal things (who owes what, snooze reasons), so it is published only to
 * people at the vendor. Resolves to whether it was published.
 */
export async function publishVendorHome(client: WebClient, deps: HomeDeps, userId: string): Promise<boolean> {
  if ((await deps.directory.sideOfUser(userId)) !== 'vendor') return false;
  await publishHome(client, deps, userId);
  return true;
}

/** Brings these people's Home tabs up to date after a change. Never fails: the change itself has happened. */
export async function refreshHomes(client: WebClient, deps: HomeDeps, userIds: string[]): Promise<void> {
  const distinct = [...new Set(userIds.filter((id) => id !== ''))];
  await Promise.all(
    distinct.map(async (userId) => {
      try {
        await publishVendorHome(client, deps, userId);
      } catch (error) {
        deps.logger.event('warn', 'could not refresh a Home tab', { userId, ...errorFields(error) });
      }
    }),
  );
}

/**
 * Many installed workspaces, each a vendor with partnerships of its own, for the tests and the benchmark
 * of scheduled work across workspaces: the people and channels the fake Slack needs, and each
 * workspace's data written through the real repositories and domain operations. At TICK_AT some of it
 * is due: overdue asks (one reminder to the owner), expired approvals, digest slots.
 */
import type { OwedEffectsStore } from '../../src/domain/effects/owed-effects.js';
import { track } from '../../src/domain/follow-ups/track.js';
import type { Partnership } from '../../src/domain/partnerships/partnership.js';
import type { Repositories } from '../../src/domain/ports.js';
import type { FakeChannelInput, FakeUserInput } from '../../src/playground/slack-simulator/types.js';
import { anApproval } from './approval-fixture.js';
import { anAsk } from './ask-fixture.js';
import { aPartnership } from './partnership-fixture.js';

/** Monday 23 November 2026, 09:00 in Berlin: the default digest slot, within every partnership's hours. */
export const TICK_AT = new Date('2026-11-23T08:00:00Z');
/** The Friday before: a help request raised then is overdue on Monday morning. */
const RAISED_AT = new Date('2026-11-20T10:00:00Z');
const NEXT_SLOT = new Date('2026-11-30T08:00:00Z');
const CUSTOMER_TEAM = 'TCUSTOMER';

export interface WorkspaceWorld {
  teamId: string;
  owner: string;
  backup: string;
  customer: string;
  triage: string;
  /** The shared channel of each partnership. */
  channels: string[];
}

export interface DueCounts {
  partnerships: number;
  /** Partnerships (the first ones) with an overdue ask. */
  dueAsks: number;
  /** Partnerships (the first ones) with an approval that expires at TICK_AT. */
  dueApprovals: number;
  /** Partnerships (the first ones) whose digest slot is TICK_AT. */
  dueDigests: number;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Workspace number `w` (ids differ per workspace) with `partnerships` shared channels. */
export function workspaceWorld(w: number, partnerships: number): WorkspaceWorld {
  const id = pad(w, 5);
  return {
    teamId: `TW${id}`,
    owner: `UOWN${id}`,
    backup: `UBAK${id}`,
    customer: `UCUS${id}`,
    triage: `CTRI${id}`,
    channels: Array.from({ length: partnerships }, (_, i) => `CW${id}P${pad(i, 3)}`),
  };
}

/** What the fake Slack must know of these workspaces: their people and channels. */
export function fakeSlackWorld(worlds: WorkspaceWorld[]): {
  users: FakeUserInput[];
  channels: FakeChannelInput[];
} {
  return {
    users: worlds.flatMap((w) => [
      { id: w.owner, teamId: w.teamId, tz: 'Europe/Berlin', name: `owner-${w.teamId}` },
      { id: w.backup, teamId: w.teamId, tz: 'Europe/Berlin', name: `backup-${w.teamId}` },
      { id: w.customer, teamId: CUSTOMER_TEAM, isStranger: true, tz: null, name: `customer-${w.teamId}` },
    ]),
    channels: worlds.flatMap((w) => [
      { id: w.triage, name: `triage-${w.teamId.toLowerCase()}`, members: [w.owner, w.backup] },
      ...w.channels.map((id, i) => ({
        id,
        name: `shared-${w.teamId.toLowerCase()}-${i}`,
        isExtShared: true,
        members: [w.owner, w.backup, w.customer],
        connectedTeamIds: [CUSTOMER_TEAM],
      })),
    ]),
  };
}

/** The partnership of channel `i` of a workspace. */
export function partnershipOf(w: WorkspaceWorld, i: number, counts: DueCounts): Partnership {
  return aPartnership({
    id: `${w.teamId}-p${i}`,
    channelId: w.channels[i] as string,
    accountName: `Customer ${i + 1} of ${w.teamId}`,
    refPrefix: `C${i}`,
    ownerId: w.owner,
    backupOwnerId: w.backup,
    contacts: [{ userId: w.customer, role: 'champion' }],
    triageChannelId: w.triage,
    digestNextAt: i < counts.dueDigests ? TICK_AT : NEXT_SLOT,
  });
}

/**
 * A workspace's partnerships, each with one help request raised by its customer: overdue on TICK_AT for
 * the first `dueAsks`, raised just before it (nothing due yet) for the others.
 */
export async function seedWorkspace(r: Repositories, w: WorkspaceWorld, counts: DueCounts): Promise<void> {
  for (let i = 0; i < counts.partnerships; i++) {
    const p = partnershipOf(w, i, counts);
    await r.partnerships.insert(p);
    const raisedAt = i < counts.dueAsks ? RAISED_AT : new Date(TICK_AT.getTime() - 10 * 60_000);
    const requester = { userId: w.customer, teamId: CUSTOMER_TEAM, side: 'customer' as const };
    const base = anAsk({
      id: `${p.id}-a1`,
      partnershipId: p.id,
      channelId: p.channelId,
      number: 1,
      ref: `${p.refPrefix}-1`,
      requester,
      ownerId: w.owner,
      createdAt: raisedAt,
      updatedAt: raisedAt,
    });
    const created = { ...(base.history[0] as (typeof base.history)[number]), at: raisedAt };
    const ask = { ...base, history: [created] };
    await r.asks.insert(ask);
    await settleEffects(r.askEffects, ask.id, ask.history.length);
    await track({ followUps: r.followUps, clock: { now: () => raisedAt } }, { type: 'ask', ask }, p);
    if (i < counts.dueApprovals) {
      const approval = approvalDueAtTick(w, p);
      await r.approvals.insert(approval);
      await settleEffects(r.approvalEffects, approval.id, approval.audit.length);
    }
  }
}

/**
 * A steady state: what a record owed since it was stored is done (its card aside: none is posted, so an
 * approval's next change posts one), so no job has old work to take over at the tick.
 */
async function settleEffects(effects: OwedEffectsStore, id: string, announced: number) {
  await effects.record(id, { announced });
  if (!(await effects.settle(id, 1))) throw new Error(`the effects of ${id} could not be settled`);
}

function approvalDueAtTick(w: WorkspaceWorld, p: Partnership) {
  const due = TICK_AT;
  const requester = { userId: w.owner, teamId: w.teamId, side: 'vendor' as const };
  const approval = anApproval({
    id: `${p.id}-ap1`,
    partnershipId: p.id,
    channelId: p.channelId,
    requester,
    approvers: [
      { userId: w.owner, side: 'vendor', backupId: null },
      { userId: w.customer, side: 'customer', backupId: null },
    ],
    dueAt: due,
    checkAt: due,
  });
  const audit = approval.audit.map((entry) => ({ ...entry, by: requester }));
  return { ...approval, audit };
}

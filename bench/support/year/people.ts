/**
 * Who a generated year is about: the vendor's account managers (each owning PER_OWNER partnerships and
 * backing up a colleague's), each partnership's customer people in a Slack Connect team of their own, the
 * partnerships themselves, and the fake Slack world the app under test finds them in.
 */
import type { Actor } from '../../../src/domain/actors.js';
import { DEFAULT_DIGEST_CRON, slotAfter } from '../../../src/domain/digests/digest-schedule.js';
import type { Partnership } from '../../../src/domain/partnerships/partnership.js';
import type { Repositories } from '../../../src/domain/ports.js';
import type { FakeChannelInput, FakeUserInput } from '../../../src/playground/slack-simulator/types.js';
import { aPartnership, aPlan } from '../../../test/support/partnership-fixture.js';
import { VENDOR_TEAM } from '../world.js';

export const PER_OWNER = 10;
export const CUSTOMERS_PER_PARTNERSHIP = 6;
export const DIGEST_SCHEDULE = { cron: DEFAULT_DIGEST_CRON, timeZone: 'Europe/Berlin' };

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export const ownerCount = (partnerships: number) => Math.ceil(partnerships / PER_OWNER);
export const ownerId = (o: number) => `UAM${pad(o + 1, 5)}`;
export const ownerOf = (i: number) => ownerId(Math.floor(i / PER_OWNER));
/** The next account manager's colleague backs them up. */
export const backupOf = (i: number, partnerships: number) =>
  ownerId((Math.floor(i / PER_OWNER) + 1) % ownerCount(partnerships));
export const channelOf = (i: number) => `CY${pad(i + 1, 7)}`;
export const triageOf = (i: number) => `CTR${pad(Math.floor(i / PER_OWNER) + 1, 6)}`;
export const customerTeamOf = (i: number) => `TCU${pad(i + 1, 6)}`;
export const customerOf = (i: number, k: number) => `UCU${pad(i + 1, 5)}${k}`;

export const vendorActor = (userId: string): Actor => ({ userId, teamId: VENDOR_TEAM, side: 'vendor' });
export const customerActor = (i: number, k: number): Actor => ({
  userId: customerOf(i, k),
  teamId: customerTeamOf(i),
  side: 'customer',
});

/** Partnership `i`, set up at `createdAt` with its plan and welcome message, its next digest after `end`. */
export function yearPartnership(i: number, partnerships: number, createdAt: Date, end: Date): Partnership {
  const owner = ownerOf(i);
  const backup = backupOf(i, partnerships);
  return aPartnership({
    id: `p-${pad(i + 1, 4)}`,
    channelId: channelOf(i),
    accountName: `Customer ${pad(i + 1, 4)} GmbH`,
    refPrefix: `CU${i + 1}`,
    ownerId: owner,
    backupOwnerId: backup,
    contacts: [
      { userId: customerOf(i, 0), role: 'champion' },
      { userId: customerOf(i, 1), role: 'technical' },
      { userId: customerOf(i, 2), role: 'executive_sponsor' },
    ],
    triageChannelId: triageOf(i),
    digest: DIGEST_SCHEDULE,
    digestNextAt: slotAfter(DIGEST_SCHEDULE, end),
    welcomeMessageTs: `${Math.floor(createdAt.getTime() / 1000)}.000100`,
    plan: aPlan({
      contacts: {
        technical: { vendor: backup, customer: customerOf(i, 1) },
        billing: { vendor: null, customer: customerOf(i, 3) },
        escalation: { vendor: owner, customer: customerOf(i, 0) },
        executive: { vendor: null, customer: customerOf(i, 2) },
      },
      updatedBy: owner,
      updatedAt: createdAt,
    }),
    planMessageTs: `${Math.floor(createdAt.getTime() / 1000)}.000200`,
    createdBy: owner,
    createdAt,
    updatedBy: owner,
    updatedAt: createdAt,
  });
}

/** The people and channels of `partnerships` partnerships, for the fake Slack API. */
export function yearWorld(partnerships: number): { users: FakeUserInput[]; channels: FakeChannelInput[] } {
  const owners = Array.from({ length: ownerCount(partnerships) }, (_, o) => ownerId(o));
  const users: FakeUserInput[] = owners.map((id) => ({ id, teamId: VENDOR_TEAM, tz: 'Europe/Berlin' }));
  const channels: FakeChannelInput[] = owners.map((_, o) => ({
    id: triageOf(o * PER_OWNER),
    name: `am-${o + 1}-triage`,
    members: owners,
  }));
  for (let i = 0; i < partnerships; i++) {
    const customers = Array.from({ length: CUSTOMERS_PER_PARTNERSHIP }, (_, k) => customerOf(i, k));
    users.push(...customers.map((id) => ({ id, teamId: customerTeamOf(i), isStranger: true, tz: null })));
    channels.push({
      id: channelOf(i),
      name: `customer-${i + 1}`,
      isExtShared: true,
      members: [ownerOf(i), backupOf(i, partnerships), ...customers],
      connectedTeamIds: [customerTeamOf(i)],
    });
  }
  return { users, channels };
}

/** Everyone joins the channel when the partnership is set up; the contacts and one more get roles. */
export async function mapPeople(repos: Repositories, p: Partnership, people: Actor[]): Promise<number> {
  for (const person of people) await repos.stakeholders.recordJoined(p.id, person, p.createdAt);
  for (const contact of p.contacts) {
    const person = people.find((x) => x.userId === contact.userId) as Actor;
    await repos.stakeholders.setRole(p.id, person, { role: contact.role, customRole: null }, p.createdAt);
  }
  const procurement = people[4] as Actor;
  await repos.stakeholders.setRole(p.id, procurement, { role: null, customRole: 'procurement' }, p.createdAt);
  return people.length;
}

/** The simulated workspace the playground starts with: a vendor, two customer organisations, their channels. */
import type { FakeSlack } from './slack-simulator/index.js';

export const VENDOR = { teamId: 'TACME0001', name: 'Acme Software' };
export const NORTHWIND = { teamId: 'TNORTHWND', name: 'Northwind Traders' };
export const GLOBEX = { teamId: 'TGLOBEX01', name: 'Globex' };
export const TEAMS = [VENDOR, NORTHWIND, GLOBEX];

export type Role = 'vendor owner' | 'vendor engineer' | 'customer champion' | 'customer engineer';

export interface Person {
  id: string;
  teamId: string;
  name: string;
  realName: string;
  role: Role;
  tz: string;
}

const person = (
  id: string,
  team: { teamId: string },
  name: string,
  realName: string,
  role: Role,
  tz: string,
) => ({
  id,
  teamId: team.teamId,
  name,
  realName,
  role,
  tz,
});

export const PEOPLE = {
  olivia: person('UOLIVIA01', VENDOR, 'olivia', 'Olivia Owens', 'vendor owner', 'Europe/Berlin'),
  evan: person('UEVAN0001', VENDOR, 'evan', 'Evan Ng', 'vendor engineer', 'Europe/Berlin'),
  chloe: person('UCHLOE001', NORTHWIND, 'chloe', 'Chloe Martin', 'customer champion', 'America/New_York'),
  ethan: person('UETHAN001', NORTHWIND, 'ethan', 'Ethan Brooks', 'customer engineer', 'America/New_York'),
  grace: person('UGRACE001', GLOBEX, 'grace', 'Grace Kim', 'customer champion', 'America/Chicago'),
  gus: person('UGUS00001', GLOBEX, 'gus', 'Gus Patel', 'customer engineer', 'America/Chicago'),
} satisfies Record<string, Person>;

const vendorPeople = [PEOPLE.olivia.id, PEOPLE.evan.id];

export const CHANNELS = {
  northwind: {
    id: 'CNORTHWND',
    name: 'northwind-acme',
    members: [...vendorPeople, PEOPLE.chloe.id, PEOPLE.ethan.id],
  },
  globex: {
    id: 'CGLOBEX01',
    name: 'globex-acme',
    members: [...vendorPeople, PEOPLE.grace.id, PEOPLE.gus.id],
  },
  /** Shared with Northwind too, not set up: where a visitor tries `/rapport setup`. */
  pilot: {
    id: 'CPILOT001',
    name: 'northwind-pilot',
    members: [...vendorPeople, PEOPLE.chloe.id, PEOPLE.ethan.id],
  },
  triage: { id: 'CTRIAGE01', name: 'acme-triage', members: vendorPeople },
};

/** Shared channels and the customer organisation connected to each. */
export const SHARED = new Map([
  [CHANNELS.northwind.id, NORTHWIND.teamId],
  [CHANNELS.globex.id, GLOBEX.teamId],
  [CHANNELS.pilot.id, NORTHWIND.teamId],
]);

/** Adds the people and channels to a fresh simulator. */
export function addWorld(fake: FakeSlack): void {
  for (const p of Object.values(PEOPLE)) {
    const external = p.teamId !== VENDOR.teamId;
    fake.addUser({
      id: p.id,
      teamId: p.teamId,
      name: p.name,
      realName: p.realName,
      displayName: p.realName,
      // Slack gives external people no time zone more often than not; Rapport must cope.
      tz: external ? null : p.tz,
      isStranger: external,
      email: `${p.name}@${p.teamId.toLowerCase()}.example.com`,
    });
  }
  for (const c of Object.values(CHANNELS)) {
    const connected = SHARED.get(c.id);
    fake.addChannel({
      id: c.id,
      name: c.name,
      members: c.members,
      isExtShared: connected !== undefined,
      ...(connected ? { connectedTeamIds: [VENDOR.teamId, connected] } : {}),
    });
  }
}

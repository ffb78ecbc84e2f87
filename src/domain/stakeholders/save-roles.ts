import type { Actor } from '../actors.js';
import { tooLong } from '../asks/text-limits.js';
import type {
  ContactRole,
  CustomerContact,
  Partnership,
  PartnershipInput,
} from '../partnerships/partnership.js';
import { ID_MAX } from '../partnerships/partnership-sizes.js';
import { type SaveDeps, savePartnership } from '../partnerships/save-partnership.js';
import type { StakeholderRepository } from '../ports.js';
import { fail, ok, type Result } from '../result.js';
import type { Person } from './stakeholder.js';

export const MAX_CUSTOM_ROLE = 40;

export interface RoleChange {
  person: Person;
  role: ContactRole | null;
  customRole: string | null;
}

export type SaveRolesError =
  | { code: 'forbidden' | 'conflict' | 'invalid'; message: string }
  /** A role in someone's own words over MAX_CUSTOM_ROLE, or a forged id: shown beside that person. */
  | { code: 'oversize'; userId: string; message: string };

export interface SaveRolesDeps extends SaveDeps {
  stakeholders: StakeholderRepository;
}

/** The setup form's view of a partnership, to save it back with one thing changed. */
const inputOf = (p: Partnership): PartnershipInput => ({
  accountName: p.accountName,
  ownerId: p.ownerId,
  backupOwnerId: p.backupOwnerId,
  contacts: p.contacts,
  timeZone: p.timeZone,
  businessHours: p.businessHours,
  triageChannelId: p.triageChannelId,
  tags: p.tags,
  reactions: p.reactions,
  sla: p.sla,
  escalation: p.escalation,
  digest: p.digest,
});

const sameContacts = (a: CustomerContact[], b: CustomerContact[]) => {
  const key = (list: CustomerContact[]) =>
    list
      .map((c) => `${c.role}:${c.userId}`)
      .sort()
      .join(',');
  return key(a) === key(b);
};

/**
 * Roles edited on the stakeholder map. The setup form's customer contacts are the same roles seen from
 * there, so they are saved back too (compare-and-set, before anything else is written): whichever form
 * was saved last is what both show.
 */
export async function saveRoles(
  deps: SaveRolesDeps,
  request: { actor: Actor; partnership: Partnership; changes: RoleChange[] },
): Promise<Result<Partnership, SaveRolesError>> {
  const { actor, partnership: p, changes } = request;
  if (actor.side !== 'vendor') {
    return fail({ code: 'forbidden', message: 'Only people at the vendor can edit roles.' });
  }
  const oversize = oversizeChange(changes);
  if (oversize) return fail(oversize);
  const touched = new Set(changes.map((c) => c.person.userId));
  const contacts = [
    ...p.contacts.filter((c) => !touched.has(c.userId)),
    ...changes.flatMap((c) =>
      c.person.side === 'customer' && c.role ? [{ userId: c.person.userId, role: c.role }] : [],
    ),
  ];
  let saved = p;
  if (!sameContacts(contacts, p.contacts)) {
    const result = await savePartnership(deps, {
      actor,
      channelId: p.channelId,
      input: { ...inputOf(p), contacts },
      expectedVersion: p.version,
    });
    if (!result.ok) {
      const error = result.error;
      if (error.code === 'invalid') {
        const message = Object.values(error.fields)[0] ?? 'These roles could not be saved.';
        return fail({ code: 'invalid', message });
      }
      return fail({ code: error.code, message: error.message });
    }
    saved = result.value.partnership;
  }
  const now = deps.clock.now();
  for (const { person, role, customRole } of changes) {
    await deps.stakeholders.setRole(p.id, person, { role, customRole: role ? null : customRole }, now);
  }
  return ok(saved);
}

/** The first change over a maximum, checked before anything is saved, whatever sent it. */
function oversizeChange(changes: RoleChange[]): SaveRolesError | null {
  for (const { person, customRole } of changes) {
    if (person.userId.length > ID_MAX) {
      return { code: 'oversize', userId: person.userId, message: 'Pick this person again from the list.' };
    }
    if ((customRole?.length ?? 0) > MAX_CUSTOM_ROLE) {
      return { code: 'oversize', userId: person.userId, message: tooLong(MAX_CUSTOM_ROLE) };
    }
  }
  return null;
}

/**
 * After the setup form is saved: its customer contacts take their roles on the map, and customers it
 * no longer lists lose the standard role they had from it.
 */
export async function syncContactRoles(
  deps: { stakeholders: StakeholderRepository; sideTeamOf: (userId: string) => Promise<Person> },
  p: Partnership,
  now: Date,
): Promise<void> {
  const listed = new Map(p.contacts.map((c) => [c.userId, c.role]));
  for (const [userId, role] of listed) {
    await deps.stakeholders.setRole(p.id, await deps.sideTeamOf(userId), { role, customRole: null }, now);
  }
  for (const s of await deps.stakeholders.listByPartnership(p.id)) {
    if (s.side === 'customer' && s.role !== null && !listed.has(s.userId)) {
      await deps.stakeholders.setRole(p.id, s, { role: null, customRole: s.customRole }, now);
    }
  }
}

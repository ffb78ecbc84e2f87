import type { KnownBlock, View } from '@slack/types';
import { CONTACT_ROLES, type ContactRole, type Partnership } from '../../domain/partnerships/partnership.js';
import { roleOf } from '../../domain/stakeholders/relationship-risks.js';
import { MAX_CUSTOM_ROLE } from '../../domain/stakeholders/save-roles.js';
import type { Stakeholder } from '../../domain/stakeholders/stakeholder.js';
import { ROLE_LABELS } from '../setup/partnership-summary.js';
import { context, plain } from '../shared/blocks.js';
import { describeSpan } from '../shared/describe-due.js';
import { safeText } from '../shared/escape.js';
import { input, textInput } from '../shared/inputs.js';
import { PEOPLE_BLOCKS, PEOPLE_VIEWS } from './ids.js';

/** Three blocks a person, plus the header and the "add someone" row, keeps the form inside 100 blocks. */
export const PEOPLE_SHOWN = 28;

export const NO_ROLE = 'none';

export interface PeopleMetadata {
  channelId: string;
  /** Everyone shown, so the submission knows whose role was cleared rather than never shown. */
  userIds: string[];
}

const roleOption = (role: ContactRole | typeof NO_ROLE) => ({
  text: plain(role === NO_ROLE ? 'No standard role' : ROLE_LABELS[role]),
  value: role,
});
const ROLE_OPTIONS = [roleOption(NO_ROLE), ...CONTACT_ROLES.map(roleOption)];

/** Listed contacts first, then the most recently active, then the rest; gone people last. */
export function peopleInOrder(people: readonly Stakeholder[], p: Partnership): Stakeholder[] {
  const rank = (s: Stakeholder) => (s.active ? 0 : 2) + (roleOf(s, p) || s.customRole ? 0 : 1);
  return [...people].sort(
    (a, b) => rank(a) - rank(b) || (b.lastActiveAt?.getTime() ?? 0) - (a.lastActiveAt?.getTime() ?? 0),
  );
}

function facts(s: Stakeholder, p: Partnership, now: Date): string {
  const side = s.side === 'customer' ? safeText(p.accountName, 60) : 'your company';
  const seen = s.lastActiveAt
    ? `last active ${describeSpan(now.getTime() - s.lastActiveAt.getTime())} ago`
    : 'not active yet';
  const gone = s.active ? '' : ` · *${s.goneReason === 'deactivated' ? 'deactivated' : 'left the channel'}*`;
  return `<@${s.userId}> · ${side} · ${seen}${gone}`;
}

/** `/rapport people`: everyone on the map with their role, and a row to add someone not seen yet. */
export function buildPeopleModal(people: readonly Stakeholder[], p: Partnership, now: Date): View {
  const shown = peopleInOrder(people, p).slice(0, PEOPLE_SHOWN);
  const blocks: KnownBlock[] = [
    context(
      `Everyone seen in <#${p.channelId}>, on both sides. Roles of people at ${safeText(p.accountName, 60)} are the setup form's customer contacts too. The owner is told privately when a customer contact with a role leaves.`,
    ),
  ];
  for (const s of shown) {
    const role = roleOf(s, p);
    blocks.push(
      context(facts(s, p, now)),
      input(PEOPLE_BLOCKS.role(s.userId), 'Role', {
        type: 'static_select',
        options: ROLE_OPTIONS,
        initial_option: roleOption(role ?? NO_ROLE),
      }),
      textInput(PEOPLE_BLOCKS.custom(s.userId), 'Or a role in your words', {
        optional: true,
        max: MAX_CUSTOM_ROLE,
        initial: role ? '' : (s.customRole ?? ''),
      }),
    );
  }
  if (people.length > shown.length) {
    blocks.push(context(`…and ${people.length - shown.length} more, not shown: add them by name below.`));
  }
  blocks.push(
    input(PEOPLE_BLOCKS.addUser, 'Add someone not listed', { type: 'users_select' }, { optional: true }),
    input(
      PEOPLE_BLOCKS.addRole,
      'Their role',
      { type: 'static_select', options: CONTACT_ROLES.map(roleOption) },
      { optional: true },
    ),
    textInput(PEOPLE_BLOCKS.addCustom, 'Or their role in your words', {
      optional: true,
      max: MAX_CUSTOM_ROLE,
    }),
  );
  const metadata: PeopleMetadata = { channelId: p.channelId, userIds: shown.map((s) => s.userId) };
  return {
    type: 'modal',
    callback_id: PEOPLE_VIEWS.edit,
    private_metadata: JSON.stringify(metadata),
    title: plain('People'),
    submit: plain('Save roles'),
    close: plain('Cancel'),
    blocks,
  };
}

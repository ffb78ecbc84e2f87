import { z } from 'zod';
import { CONTACT_ROLES, type ContactRole } from '../../domain/partnerships/partnership.js';
import type { BlockErrors } from '../setup/parse-setup-submission.js';
import { INPUT } from '../shared/ids.js';
import { parseMetadata } from '../shared/json-metadata.js';
import { element, viewStateValues } from '../shared/view-state.js';
import { PEOPLE_BLOCKS } from './ids.js';

const metadataSchema = z.object({
  channelId: z.string().min(1),
  userIds: z.array(z.string().min(1)).max(100),
});

export interface ParsedRole {
  userId: string;
  role: ContactRole | null;
  customRole: string | null;
  /** Where their role in words was typed: where a problem with it is shown. */
  customBlockId: string;
}

export type ParsedPeople =
  | { ok: true; channelId: string; roles: ParsedRole[] }
  | { ok: false; errors: BlockErrors }
  | { ok: 'malformed' };

const isRole = (value: string | undefined): value is ContactRole =>
  (CONTACT_ROLES as readonly string[]).includes(value ?? '');

/** The channel a people form was opened for; null when its metadata is not ours. */
export const peopleFormChannel = (privateMetadata: string): string | null =>
  parseMetadata(privateMetadata, metadataSchema)?.channelId ?? null;

/** Each shown person's role (a standard one wins over words typed beside it), and the one added, if any. */
export function parsePeopleSubmission(privateMetadata: string, rawValues: unknown): ParsedPeople {
  const metadata = parseMetadata(privateMetadata, metadataSchema);
  const values = viewStateValues.safeParse(rawValues);
  if (!metadata || !values.success) return { ok: 'malformed' };
  const read = (blockId: string) => element(values.data, blockId, INPUT);
  const words = (blockId: string) => read(blockId).value?.trim() || null;
  const roles: ParsedRole[] = metadata.userIds.map((userId) => {
    const chosen = read(PEOPLE_BLOCKS.role(userId)).selected_option?.value;
    const role = isRole(chosen) ? chosen : null;
    const customBlockId = PEOPLE_BLOCKS.custom(userId);
    return { userId, role, customRole: role ? null : words(customBlockId), customBlockId };
  });
  const errors: BlockErrors = {};
  const added = read(PEOPLE_BLOCKS.addUser).selected_user ?? null;
  const addedRole = read(PEOPLE_BLOCKS.addRole).selected_option?.value;
  const addedWords = words(PEOPLE_BLOCKS.addCustom);
  if (added) {
    if (metadata.userIds.includes(added))
      errors[PEOPLE_BLOCKS.addUser] = 'This person is listed above already.';
    else if (!isRole(addedRole) && !addedWords) errors[PEOPLE_BLOCKS.addRole] = 'Give them a role.';
    else
      roles.push({
        userId: added,
        role: isRole(addedRole) ? addedRole : null,
        customRole: isRole(addedRole) ? null : addedWords,
        customBlockId: PEOPLE_BLOCKS.addCustom,
      });
  } else if (isRole(addedRole) || addedWords) {
    errors[PEOPLE_BLOCKS.addUser] = 'Pick who has this role, or clear the role.';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, channelId: metadata.channelId, roles };
}

import { z } from 'zod';
import { tooLong } from '../../domain/asks/text-limits.js';
import { ACCOUNT_NAME_MAX } from '../../domain/partnerships/partnership-sizes.js';
import type { BlockErrors } from '../setup/parse-setup-submission.js';
import { INPUT } from '../shared/ids.js';
import { parseMetadata } from '../shared/json-metadata.js';
import { element, viewStateValues } from '../shared/view-state.js';
import { channelNameFromAccount, checkChannelName, normaliseChannelName } from './channel-name.js';
import { CONNECT_BLOCKS } from './ids.js';

/** Slack Connect invitations per run: one conversations.inviteShared each, a Tier 2 method (20+/min). */
export const MAX_INVITES = 20;
/** The longest address the email standards allow. */
const EMAIL_MAX = 254;
/** local@domain.tld: no spaces, quotes or brackets; a domain of dotted labels ending in letters. */
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** Carried through the modal: where to answer the person who ran the command. */
export interface ConnectMetadata {
  /** The command's response_url (ephemeral answers in the channel it was run in; 30 minutes, 5 uses). */
  responseUrl: string | null;
  originChannelId: string | null;
}

export interface ConnectRequest {
  accountName: string;
  channelName: string;
  isPrivate: boolean;
  /** Unique (case-insensitively), in the order given. */
  emails: string[];
  ownerId: string;
}

export type ParsedConnect =
  | { ok: true; metadata: ConnectMetadata; request: ConnectRequest }
  /** The owner chosen, if any, so that the caller can check their side with the other problems. */
  | { ok: false; errors: BlockErrors; ownerId: string | null }
  | { ok: 'malformed' };

const metadataSchema = z.object({
  responseUrl: z
    .string()
    .regex(/^https?:\/\//)
    .nullable(),
  originChannelId: z.string().min(1).nullable(),
});

export const PRIVATE_OPTION = 'private';

/** Turns the submitted connect form into a request, or inline errors keyed by block id. */
export function parseConnectSubmission(privateMetadata: string, rawValues: unknown): ParsedConnect {
  const values = viewStateValues.safeParse(rawValues);
  const metadata = parseMetadata(privateMetadata, metadataSchema);
  if (!values.success || metadata === null) return { ok: 'malformed' };
  const read = (blockId: string) => element(values.data, blockId, INPUT);

  const errors: BlockErrors = {};
  const accountName = (read(CONNECT_BLOCKS.accountName).value ?? '').trim();
  if (accountName === '') errors[CONNECT_BLOCKS.accountName] = 'Give the customer account a name.';
  else if (accountName.length > ACCOUNT_NAME_MAX) {
    // Here, not only in the domain: the channel is created before the partnership is saved.
    errors[CONNECT_BLOCKS.accountName] = tooLong(ACCOUNT_NAME_MAX);
  }

  const typedName = normaliseChannelName(read(CONNECT_BLOCKS.channelName).value ?? '');
  const channelName = typedName === '' ? channelNameFromAccount(accountName) : typedName;
  if (typedName === '' && channelName === '' && accountName !== '') {
    errors[CONNECT_BLOCKS.channelName] =
      'I can’t make a channel name from this account name: type one (lower-case letters, digits, hyphens).';
  } else if (channelName !== '') {
    const problem = checkChannelName(channelName);
    if (problem) errors[CONNECT_BLOCKS.channelName] = problem;
  }

  const emails = parseEmailList(read(CONNECT_BLOCKS.emails).value ?? '');
  const emailProblem = describeEmailProblem(emails);
  if (emailProblem) errors[CONNECT_BLOCKS.emails] = emailProblem;

  const ownerId = read(CONNECT_BLOCKS.ownerId).selected_user ?? '';
  if (ownerId === '') errors[CONNECT_BLOCKS.ownerId] = 'Choose who owns this partnership.';

  if (Object.keys(errors).length > 0) return { ok: false, errors, ownerId: ownerId || null };
  const isPrivate = (read(CONNECT_BLOCKS.isPrivate).selected_options ?? []).some(
    (o) => o.value === PRIVATE_OPTION,
  );
  return {
    ok: true,
    metadata,
    request: { accountName, channelName, isPrivate, emails: emails.valid, ownerId },
  };
}

export interface EmailList {
  valid: string[];
  invalid: string[];
}

/** One address per line, or separated by commas, semicolons or spaces; `<a@b.c>` is read as a@b.c. */
export function parseEmailList(text: string): EmailList {
  const seen = new Set<string>();
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    const entry = raw.replace(/^<(.*)>$/, '$1').replace(/^mailto:/i, '');
    if (entry === '') continue;
    if (entry.length > EMAIL_MAX || !EMAIL.test(entry)) {
      if (!invalid.includes(entry)) invalid.push(entry);
      continue;
    }
    const key = entry.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    valid.push(entry);
  }
  return { valid, invalid };
}

/** What is wrong with the list, naming the entries that are not addresses; null when it can be sent. */
export function describeEmailProblem({ valid, invalid }: EmailList): string | null {
  if (invalid.length > 0) {
    const named = invalid.slice(0, 3).map((e) => `“${e.length > 40 ? `${e.slice(0, 39)}…` : e}”`);
    const more = invalid.length > 3 ? ` and ${invalid.length - 3} more` : '';
    return (
      `${invalid.length === 1 ? 'Not an email address' : 'Not email addresses'}: ${named.join(', ')}${more}. ` +
      'Write one address per line, such as name@customer.com.'
    );
  }
  if (valid.length === 0) return 'List at least one email address at the customer to invite.';
  if (valid.length > MAX_INVITES) {
    return `Invite at most ${MAX_INVITES} people at a time (there are ${valid.length}); invite the rest from the channel later.`;
  }
  return null;
}

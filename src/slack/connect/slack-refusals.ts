import { ErrorCode } from '@slack/web-api';

/** A Slack refusal, for the person who asked: what happened, and what has to change (by whom). */
export interface Refusal {
  /** Slack's error code, kept so an admin can look it up. */
  code: string;
  what: string;
  fix: string;
}

/** Scopes Rapport asks for in manifest.yml that these calls need. */
export const CONNECT_SCOPES = {
  create: 'channels:manage (public channels) or groups:write (private channels)',
  invite: 'conversations.connect:write',
} as const;

type Explained = Omit<Refusal, 'code'>;

const REINSTALL = 'A Slack admin adds the scope to the app (manifest.yml) and reinstalls it.';

/** Every Slack error `/rapport connect` explains in its own words; others get the generic answer. */
export const EXPLANATIONS: Record<string, Explained> = {
  restricted_action: {
    what: 'A workspace setting does not allow Rapport to do this: who may create channels, or who may invite people from other organisations (Slack Connect).',
    fix: 'A Slack admin allows apps to create channels and to send Slack Connect invitations (Admin settings → Slack Connect, and Settings & permissions → Permissions → Channel management).',
  },
  not_paid: {
    what: 'Slack Connect needs a paid Slack plan, and this workspace is on the free plan.',
    fix: 'A workspace owner upgrades to a paid plan; until then, invite the customer from a paid workspace.',
  },
  no_external_invite_permission: {
    what: 'Rapport is not allowed to invite people from outside your organisation.',
    fix: 'A Slack admin grants permission to send Slack Connect invitations (Admin settings → Slack Connect → Channel invitations) to apps, or to Rapport.',
  },
  not_in_channel: {
    what: 'Rapport is not a member of the channel, so it cannot invite anyone to it.',
    fix: 'Add @Rapport to the channel (/invite @Rapport), then send the invitation again from the channel’s settings.',
  },
  invalid_email: {
    what: 'Slack did not accept this email address.',
    fix: 'Check the address for typos and invite it again from the channel’s settings.',
  },
  too_many_emails: {
    what: 'Slack refused the number of addresses in one invitation.',
    fix: 'Invite the remaining people one at a time from the channel’s settings.',
  },
  channel_not_found: {
    what: 'Slack could not find the channel (it may have been deleted, or Rapport cannot see it).',
    fix: 'Check that the channel still exists and that @Rapport is in it.',
  },
  missing_scope: {
    what: 'Rapport lacks a Slack permission (scope) this needs.',
    fix: REINSTALL,
  },
  ratelimited: {
    what: 'Slack asked Rapport to slow down (rate limit).',
    fix: 'Nothing to change: wait a minute and try again.',
  },
  name_taken: {
    what: 'A channel with this name already exists (it may be archived, or private and invisible to you).',
    fix: 'Choose another name.',
  },
  invalid_name_specials: {
    what: 'Slack refused the channel name’s characters.',
    fix: 'Use lower-case letters, digits, hyphens and underscores only.',
  },
  invalid_name_maxlength: {
    what: 'The channel name is too long for Slack.',
    fix: 'Use at most 80 characters.',
  },
  invalid_name_punctuation: {
    what: 'The channel name has only punctuation.',
    fix: 'Use at least one letter or digit.',
  },
  invalid_name_required: { what: 'The channel name is empty.', fix: 'Give the channel a name.' },
  invalid_name: { what: 'Slack refused the channel name.', fix: 'Try a simpler name.' },
  too_many_convos_for_team: {
    what: 'The workspace has reached Slack’s limit of channels.',
    fix: 'A Slack admin archives unused channels, then try again.',
  },
  too_many_convos_for_app_on_team: {
    what: 'Rapport has reached Slack’s limit of channels one app may create in a workspace.',
    fix: 'A Slack admin archives channels Rapport created that are no longer used, then try again.',
  },
  user_is_restricted: {
    what: 'Guests cannot send Slack Connect invitations.',
    fix: 'Ask a full member of your workspace to run it.',
  },
  not_allowed_for_grid_workspace: {
    what: 'Slack Connect is turned off for this workspace of your Enterprise organisation.',
    fix: 'An org admin turns Slack Connect on for this workspace.',
  },
  connection_limit_exceeded: {
    what: 'The channel has reached Slack’s limit of connected organisations.',
    fix: 'Disconnect an organisation that no longer needs access, or use another channel.',
  },
  connection_limit_exceeded_pending: {
    what: 'The channel already has the most pending invitations Slack allows.',
    fix: 'Wait until pending invitations are accepted, or revoke some in the channel’s settings.',
  },
  member_limit_exceeded: {
    what: 'The channel has reached Slack’s limit of members.',
    fix: 'Use another channel for more people.',
  },
  already_in_channel: {
    what: 'This person is already in the channel.',
    fix: 'Nothing to do.',
  },
  user_not_found: {
    what: 'Slack does not know this person.',
    fix: 'Check the address, then invite again from the channel’s settings.',
  },
  unreachable: {
    what: 'Rapport could not reach Slack.',
    fix: 'Nothing to change: try again in a minute. If it persists, check Rapport’s network access to slack.com.',
  },
};

/** Slack's error code (and, for missing_scope, the scope it named) from whatever a WebClient call threw. */
export function slackErrorOf(error: unknown): { code: string; needed: string | null } {
  const e = (error ?? {}) as { code?: unknown; data?: { error?: unknown; needed?: unknown } };
  if (e.code === ErrorCode.RateLimitedError) return { code: 'ratelimited', needed: null };
  if (e.code === ErrorCode.RequestError || e.code === ErrorCode.HTTPError) {
    return { code: 'unreachable', needed: null };
  }
  const code = typeof e.data?.error === 'string' ? e.data.error : 'unexpected_error';
  return { code, needed: typeof e.data?.needed === 'string' ? e.data.needed : null };
}

/**
 * The refusal in plain words. `scopeHint` names the scopes the call needs, used for missing_scope when
 * Slack does not say which one it wanted.
 */
export function explainRefusal(code: string, scopeHint: string, needed: string | null = null): Refusal {
  const known = Object.hasOwn(EXPLANATIONS, code) ? EXPLANATIONS[code] : undefined;
  if (code === 'missing_scope') {
    const scope = needed ?? scopeHint;
    return { code, what: `Rapport lacks the Slack permission (scope) ${scope}.`, fix: REINSTALL };
  }
  if (known) return { code, ...known };
  return {
    code,
    what: `Slack refused with the error “${code}”.`,
    fix: 'Look the error up in Slack’s API documentation, or ask a Slack admin; then try again.',
  };
}

/** Shorthand: the refusal behind a thrown WebClient error. */
export function refusalFrom(error: unknown, scopeHint: string): Refusal {
  const { code, needed } = slackErrorOf(error);
  return explainRefusal(code, scopeHint, needed);
}

import { z } from 'zod';
import { COMMAND as RAPPORT_COMMAND } from '../commands/ids.js';

/** A request Slack could not have sent: refused before Bolt reads it (400 over HTTP), its problem logged. */
export class MalformedRequestError extends Error {
  readonly code = 'rapport_malformed_request';
  constructor(readonly problem: string) {
    super(`malformed request: ${problem}`);
    this.name = 'MalformedRequestError';
  }
}

/**
 * The events Slack sends Rapport: the manifest's `bot_events` (`message.channels` and `message.groups`
 * arrive as `message`). Any other type cannot come from Slack, and no listener would take it.
 */
const SUBSCRIBED_EVENTS = [
  'reaction_added',
  'reaction_removed',
  'app_home_opened',
  'message',
  'member_joined_channel',
  'member_left_channel',
  'user_change',
  'app_uninstalled',
  'tokens_revoked',
] as const;

const id = z.string().min(1);
const named = z.looseObject({ id });

/** Every interaction names its person, and its team (null only in an org-wide install, which names the enterprise). */
const interaction = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z
    .looseObject({ user: named, team: named.nullable(), enterprise: named.nullish(), ...shape })
    .refine((body) => body.team !== null || body.enterprise != null, 'no team or enterprise');

const ENVELOPES: Record<string, z.ZodType> = {
  block_actions: interaction({
    // A value is always a string from Slack; an object here would reach a store query as an operator.
    actions: z.array(z.looseObject({ action_id: id, type: id, value: z.string().optional() })).min(1),
    response_url: z.url().optional(),
  }),
  view_submission: interaction({
    view: z.looseObject({
      id,
      callback_id: z.string(),
      private_metadata: z.string().optional(),
      blocks: z.array(z.looseObject({ type: z.string(), block_id: z.string().optional() })),
      state: z.looseObject({ values: z.record(z.string(), z.record(z.string(), z.looseObject({}))) }),
    }),
  }),
  view_closed: interaction({ view: z.looseObject({ id, callback_id: z.string() }) }),
  shortcut: interaction({ callback_id: id, trigger_id: id }),
  message_action: interaction({
    callback_id: id,
    trigger_id: id,
    channel: named,
    message: z.looseObject({ ts: id }),
    response_url: z.url(),
  }),
  block_suggestion: interaction({ action_id: id }),
  event_callback: z.looseObject({
    event_id: id,
    team_id: z.string().optional(),
    event: z.looseObject({ type: z.enum(SUBSCRIBED_EVENTS) }),
  }),
};

/** Rapport's one command, form-encoded: every field a string, a response_url always among them. */
const COMMAND = z
  .looseObject({
    command: z.literal(RAPPORT_COMMAND),
    text: z.string(),
    user_id: id,
    channel_id: id,
    team_id: z.string(),
    enterprise_id: z.string().optional(),
    trigger_id: id,
    response_url: z.url(),
  })
  .refine((body) => body.team_id !== '' || Boolean(body.enterprise_id), 'no team or enterprise');

/** What is wrong with a request body by the shape Slack gives each kind of request; null when nothing. */
export function envelopeProblem(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'the body is not an object';
  const { type, command } = body as { type?: unknown; command?: unknown };
  const schema = command !== undefined ? COMMAND : ENVELOPES[String(type)];
  if (schema === undefined) return `no request of Slack has type ${JSON.stringify(type)?.slice(0, 60)}`;
  const parsed = schema.safeParse(body);
  if (parsed.success) return null;
  const [first] = parsed.error.issues;
  return `${String(type ?? 'command')}: ${first?.path.join('.') || 'body'}: ${first?.message}`;
}

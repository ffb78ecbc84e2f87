import { z } from 'zod';
import { checkTags, parseTags } from './domain/partnerships/partnership-tags.js';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './domain/webhooks/webhook-events.js';
import { isWebhookSecret } from './integrations/webhooks/signature.js';
import { parseTokenKeys, type TokenKey } from './security/token-cipher.js';

/** How webhooks are sent, and the one endpoint a single-workspace deployment may configure in settings. */
export interface WebhookSettings {
  /** Seal the signing secrets of endpoints added in Slack (TOKEN_ENCRYPTION_KEYS); null: none can be added. */
  secretKeys: TokenKey[] | null;
  allowPrivateAddresses: boolean;
  timeoutMs: number;
  endpoint: {
    url: string;
    secret: string;
    events: WebhookEventType[];
    tags: string[];
    internal: boolean;
  } | null;
}

export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
  secretKeys: null,
  allowPrivateAddresses: false,
  timeoutMs: 10_000,
  endpoint: null,
};

const blank = (v: unknown) => (v === '' ? undefined : v);
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], { error: 'use true or false' })
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

/** The zod shape of the webhook settings, merged into the settings schema. */
export const webhookSettingsShape = {
  WEBHOOK_URL: z.preprocess(
    blank,
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  ),
  WEBHOOK_SECRET: z.preprocess(
    blank,
    z
      .string()
      .refine(isWebhookSecret, { error: 'must be whsec_ and at least 24 bytes in base64' })
      .optional(),
  ),
  WEBHOOK_EVENTS: z.preprocess(
    blank,
    z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z.enum(WEBHOOK_EVENT_TYPES, { error: `use event types among ${WEBHOOK_EVENT_TYPES.join(', ')}` }),
        ),
      )
      .optional(),
  ),
  WEBHOOK_TAGS: z.preprocess(
    blank,
    z
      .string()
      .transform(parseTags)
      .refine((tags) => checkTags(tags) === null, { error: 'use tags as /rapport tags takes them' })
      .optional(),
  ),
  WEBHOOK_INTERNAL: z.preprocess(blank, flag.optional()),
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES: z.preprocess(blank, flag.optional()),
  WEBHOOK_TIMEOUT_SECONDS: z.preprocess(
    blank,
    z.coerce.number({ error: 'must be a number of seconds' }).min(1).max(30).default(10),
  ),
};

type Parsed = z.infer<z.ZodObject<typeof webhookSettingsShape>>;

/** Problems across settings: the endpoint's URL and secret go together, and only with one workspace. */
export function webhookProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (Boolean(env.WEBHOOK_URL) !== Boolean(env.WEBHOOK_SECRET)) {
    problems.push('WEBHOOK_SECRET: WEBHOOK_URL and WEBHOOK_SECRET go together');
  }
  if (env.WEBHOOK_URL && env.SLACK_CLIENT_ID) {
    problems.push(
      'WEBHOOK_URL: only for one workspace; with SLACK_CLIENT_ID each workspace adds its own in Slack',
    );
  }
  if (env.TOKEN_ENCRYPTION_KEYS && !env.SLACK_CLIENT_ID) {
    try {
      parseTokenKeys(env.TOKEN_ENCRYPTION_KEYS);
    } catch (error) {
      problems.push(`TOKEN_ENCRYPTION_KEYS: ${(error as Error).message}`);
    }
  }
  return problems;
}

export function webhookSettingsFrom(e: Parsed, tokenKeys: string | undefined): WebhookSettings {
  return {
    secretKeys: tokenKeys ? parseTokenKeys(tokenKeys) : null,
    allowPrivateAddresses: e.WEBHOOK_ALLOW_PRIVATE_ADDRESSES ?? false,
    timeoutMs: e.WEBHOOK_TIMEOUT_SECONDS * 1000,
    endpoint:
      e.WEBHOOK_URL && e.WEBHOOK_SECRET
        ? {
            url: e.WEBHOOK_URL,
            secret: e.WEBHOOK_SECRET,
            events: e.WEBHOOK_EVENTS ?? [],
            tags: e.WEBHOOK_TAGS ?? [],
            internal: e.WEBHOOK_INTERNAL ?? false,
          }
        : null,
  };
}

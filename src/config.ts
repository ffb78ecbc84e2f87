import { z } from 'zod';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], { error: 'use true or false' })
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const schema = z.object({
  SLACK_BOT_TOKEN: z.string({ error: 'required: the Bot User OAuth Token (xoxb-...)' }).startsWith('xoxb-', {
    error: 'must be a bot token starting with xoxb-',
  }),
  SLACK_SIGNING_SECRET: optional(z.string().min(8, { error: 'looks too short for a signing secret' })),
  SLACK_APP_TOKEN: optional(
    z.string().startsWith('xapp-', { error: 'must be an app-level token starting with xapp-' }),
  ),
  SOCKET_MODE: optional(flag),
  PORT: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: 'must be a number' }).int().min(0).max(65535).default(3000),
  ),
  SLACK_API_URL: optional(z.url({ error: 'must be a URL such as https://slack.com/api/' })),
  MONGODB_URI: optional(
    z.string().regex(/^mongodb(\+srv)?:\/\//, { error: 'must start with mongodb:// or mongodb+srv://' }),
  ),
  DIGEST_GRACE_HOURS: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: 'must be a number of hours' }).min(0).max(168).default(6),
  ),
  DATA_DIR: z.preprocess(blankToUndefined, z.string().default('./data')),
  METRICS_TOKEN: optional(
    z
      .string()
      .min(16, { error: 'use at least 16 characters, e.g. from openssl rand -hex 32' })
      .regex(/^[\x21-\x7e]+$/, { error: 'use printable characters without spaces' }),
  ),
  LOG_LEVEL: z.preprocess(
    (v) => (typeof v === 'string' ? v.toLowerCase() || undefined : v),
    z.enum(LOG_LEVELS, { error: `use one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  ),
});

export interface Config {
  slack: {
    botToken: string;
    signingSecret: string | null;
    appToken: string | null;
    socketMode: boolean;
    /** Web API base URL, ending in '/'. */
    apiUrl: string;
  };
  port: number;
  store: { mongodbUri: string } | { dataDir: string };
  logLevel: LogLevelName;
  /** A digest slot missed while the app was down is still posted this long after it; later, skipped. */
  digestGraceMs: number;
  /** When set, GET /metrics answers only requests with `Authorization: Bearer <it>`; otherwise anyone. */
  metricsToken?: string;
}

/**
 * Which secrets are needed depends on the mode. Checked on the raw values so these problems are
 * listed together with every other one, even when other settings fail to parse.
 */
function modeProblems(env: Record<string, string | undefined>): string[] {
  const appToken = env.SLACK_APP_TOKEN || undefined;
  const socket = flag.safeParse(env.SOCKET_MODE || undefined);
  const socketMode = socket.success ? socket.data : appToken !== undefined;
  if (socketMode && !appToken)
    return ['SLACK_APP_TOKEN: required in Socket Mode (xapp-... with connections:write)'];
  if (!socketMode && !env.SLACK_SIGNING_SECRET) {
    return ['SLACK_SIGNING_SECRET: required in HTTP mode: Basic Information > Signing Secret'];
  }
  return [];
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Reads every setting once; on failure lists every problem at once, each with what to set. */
export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = schema.safeParse(env);
  const problems = [
    ...(parsed.error?.issues ?? []).map((issue) => {
      const name = String(issue.path[0] ?? 'settings');
      const message = issue.code === 'invalid_type' && env[name] === undefined ? 'required' : issue.message;
      return `${name}: ${message}`;
    }),
    ...modeProblems(env),
  ];
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  const e = parsed.data;
  const apiUrl = e.SLACK_API_URL ?? 'https://slack.com/api/';
  return {
    ok: true,
    config: {
      slack: {
        botToken: e.SLACK_BOT_TOKEN,
        signingSecret: e.SLACK_SIGNING_SECRET ?? null,
        appToken: e.SLACK_APP_TOKEN ?? null,
        socketMode: e.SOCKET_MODE ?? e.SLACK_APP_TOKEN !== undefined,
        apiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`,
      },
      port: e.PORT,
      store: e.MONGODB_URI ? { mongodbUri: e.MONGODB_URI } : { dataDir: e.DATA_DIR },
      logLevel: e.LOG_LEVEL,
      digestGraceMs: e.DIGEST_GRACE_HOURS * 3_600_000,
      ...(e.METRICS_TOKEN ? { metricsToken: e.METRICS_TOKEN } : {}),
    },
  };
}

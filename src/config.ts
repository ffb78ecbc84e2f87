import { existsSync } from 'node:fs';
import { z } from 'zod';
import type { AnnouncementSettings } from './domain/announcements/announcement-settings.js';
import type { PersonLimits } from './domain/limits/person-limits.js';
import { parseStatusMap, type StatusMap } from './domain/trackers/status-mapping.js';
import { parseTrackerPeople, type TrackerPeople } from './domain/trackers/tracker-people.js';
import { GITHUB_STATES } from './integrations/github/github-states.js';
import { JIRA_STATES } from './integrations/jira/jira-states.js';
import { LINEAR_STATES } from './integrations/linear/linear-states.js';
import { limitSettingsShape, personLimitsFrom } from './limit-settings.js';
import { parseTokenKeys, type TokenKey } from './security/token-cipher.js';
import {
  type WebhookSettings,
  webhookProblems,
  webhookSettingsFrom,
  webhookSettingsShape,
} from './webhook-settings.js';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], { error: 'use true or false' })
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

/** How scheduled jobs visit workspaces (see jobs/scheduler.ts and docs/operations.md). */
export interface JobSettings {
  /** Workspaces one job works in at once. */
  concurrency: number;
  /** How long a tick waits for one workspace's run before going on without it. */
  workspaceTimeLimitMs: number;
}

export const DEFAULT_JOB_SETTINGS: JobSettings = { concurrency: 8, workspaceTimeLimitMs: 20_000 };

const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const partnerships = z.coerce
  .number({ error: 'must be a whole number of partnerships' })
  .int({ error: 'must be a whole number of partnerships' })
  .min(0, { error: 'must be 0 or more' });

const schema = z.object({
  SLACK_BOT_TOKEN: optional(
    z.string().startsWith('xoxb-', { error: 'must be a bot token starting with xoxb-' }),
  ),
  SLACK_CLIENT_ID: optional(z.string().regex(/^\d+\.\d+$/, { error: 'looks like 1234567890.1234567890' })),
  SLACK_CLIENT_SECRET: optional(z.string().min(16, { error: 'looks too short for a client secret' })),
  SLACK_STATE_SECRET: optional(z.string().min(16, { error: 'use at least 16 characters' })),
  TOKEN_ENCRYPTION_KEYS: optional(z.string()),
  SLACK_SIGNING_SECRET: optional(z.string().min(8, { error: 'looks too short for a signing secret' })),
  SLACK_APP_TOKEN: optional(
    z.string().startsWith('xapp-', { error: 'must be an app-level token starting with xapp-' }),
  ),
  SOCKET_MODE: optional(flag),
  PLAYGROUND: optional(flag),
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
  JOB_CONCURRENCY: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'must be a whole number of workspaces' })
      .int({ error: 'must be a whole number of workspaces' })
      .min(1)
      .max(100)
      .default(DEFAULT_JOB_SETTINGS.concurrency),
  ),
  JOB_WORKSPACE_TIME_LIMIT_SECONDS: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'must be a number of seconds' })
      .min(1)
      .max(600)
      .default(DEFAULT_JOB_SETTINGS.workspaceTimeLimitMs / 1000),
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
  GITHUB_TOKEN: optional(z.string().min(8, { error: 'looks too short for a GitHub token' })),
  GITHUB_API_URL: optional(z.url({ error: 'must be a URL such as https://api.github.com' })),
  GITHUB_WEBHOOK_SECRET: optional(z.string().min(16, { error: 'use at least 16 characters' })),
  JIRA_BASE_URL: optional(z.url({ error: 'must be the site URL, such as https://acme.atlassian.net' })),
  JIRA_EMAIL: optional(z.email({ error: 'must be the email of the account the API token belongs to' })),
  JIRA_API_TOKEN: optional(z.string().min(8, { error: 'looks too short for a Jira API token' })),
  JIRA_WEBHOOK_SECRET: optional(z.string().min(16, { error: 'use at least 16 characters' })),
  JIRA_ENHANCEMENT_TYPE: z.preprocess(blankToUndefined, z.string().max(60).default('Story')),
  JIRA_HELP_TYPE: z.preprocess(blankToUndefined, z.string().max(60).default('Task')),
  LINEAR_API_KEY: optional(z.string().min(8, { error: 'looks too short for a Linear API key' })),
  LINEAR_API_URL: optional(z.url({ error: 'must be a URL such as https://api.linear.app/graphql' })),
  LINEAR_WEBHOOK_SECRET: optional(z.string().min(16, { error: 'use at least 16 characters' })),
  GITHUB_STATUS_MAP: optional(z.string().max(500)),
  GITHUB_PEOPLE: optional(z.string().max(5000)),
  JIRA_STATUS_MAP: optional(z.string().max(500)),
  JIRA_PEOPLE: optional(z.string().max(5000)),
  LINEAR_STATUS_MAP: optional(z.string().max(500)),
  LINEAR_PEOPLE: optional(z.string().max(5000)),
  TRACKER_ADMINS: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[UW][A-Z0-9]+(\s*,\s*[UW][A-Z0-9]+)*$/, {
        error: 'Slack user ids, comma-separated (U0123ABC)',
      })
      .optional(),
  ),
  TRACKER_POLL_MINUTES: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: 'must be a number of minutes' }).int().min(0).max(1440).default(0),
  ),
  TRACKER_COMMENT_MARKER: z.preprocess(blankToUndefined, z.string().max(40).default('customer:')),
  ANNOUNCE_HOLD_THRESHOLD: z.preprocess(blankToUndefined, partnerships.default(20)),
  ANNOUNCE_HOLD_HOURS: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'must be a number of hours' })
      .min(0, { error: 'must be 0 to 72 hours' })
      .max(72, { error: 'must be 0 to 72 hours' })
      .default(2),
  ),
  ANNOUNCE_SIGNOFF_THRESHOLD: z.preprocess(blankToUndefined, partnerships.default(100)),
  ...limitSettingsShape,
  ...webhookSettingsShape,
});

/** What a tracker's states and people mean here (GITHUB_STATUS_MAP, GITHUB_PEOPLE, and Jira's and Linear's). */
export interface TrackerMeanings {
  /** Changes to the default phases of the tracker's states. */
  statusMap: StatusMap;
  /** Tracker logins (or account ids, emails) and the vendor's Slack users they are. */
  people: TrackerPeople;
}

/** GitHub Issues for a single-workspace deployment (github.com, or GitHub Enterprise Server's API URL). */
export interface GithubSettings extends TrackerMeanings {
  token: string;
  /** REST API base URL, without a trailing '/'. */
  apiUrl: string;
  /** Verifies POST /webhooks/github; without it webhooks are refused. */
  webhookSecret: string | null;
}

/** Jira Cloud for a single-workspace deployment: the site, and an account's email and API token. */
export interface JiraSettings extends TrackerMeanings {
  /** The site, e.g. https://acme.atlassian.net, without a trailing '/'. */
  baseUrl: string;
  email: string;
  apiToken: string;
  /** Verifies POST /webhooks/jira; without it webhooks are refused. */
  webhookSecret: string | null;
  /** The issue type each kind of ask is created as (it must exist in the project). */
  issueTypes: { enhancement: string; help: string };
}

/** Linear for a single-workspace deployment. */
export interface LinearSettings extends TrackerMeanings {
  apiKey: string;
  /** The GraphQL endpoint. */
  apiUrl: string;
  /** Verifies POST /webhooks/linear; without it webhooks are refused. */
  webhookSecret: string | null;
}

export interface TrackerConfig {
  github: GithubSettings | null;
  /** Absent or null: Jira is not connected. */
  jira?: JiraSettings | null;
  /** Absent or null: Linear is not connected. */
  linear?: LinearSettings | null;
  /** A tracker comment starting with this goes to the customer; every other comment stays internal. */
  commentMarker: string;
  /** Reads linked issues this often, for deployments that cannot receive webhooks; 0: never. */
  pollMinutes: number;
  /** Slack users who may connect trackers besides the workspace's admins and owners. */
  admins: string[];
}

/** Distribution: workspaces install Rapport through OAuth, and their tokens are kept encrypted in the store. */
export interface Distribution {
  clientId: string;
  clientSecret: string;
  /** Signs the OAuth `state` that ties a callback to the browser that started the install. */
  stateSecret: string;
  /** Encrypt the stored tokens; the first seals, all open (rotation). */
  tokenKeys: TokenKey[];
}

export interface Config {
  slack: {
    /** One workspace, its bot token given; null when workspaces install through OAuth (`distribution`). */
    botToken: string | null;
    distribution: Distribution | null;
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
  jobs: JobSettings;
  /** When set, GET /metrics answers only requests with `Authorization: Bearer <it>`; otherwise anyone. */
  metricsToken?: string;
  /** How often one person outside the vendor may raise asks, react, add details, vote and open forms. */
  limits: PersonLimits;
  /** Outbound webhooks; defaults (DEFAULT_WEBHOOK_SETTINGS) when absent. */
  webhooks?: WebhookSettings;
  /** Engineering's trackers; none when absent. */
  trackers?: TrackerConfig;
  /** Hold window and sign-off of large announcements; DEFAULT_ANNOUNCEMENT_SETTINGS when absent. */
  announcements?: AnnouncementSettings;
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

const DISTRIBUTION_SETTINGS = ['SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'TOKEN_ENCRYPTION_KEYS'] as const;

/** One workspace (a bot token) or distribution (OAuth: client id and the settings it needs), never both. */
function installProblems(env: Record<string, string | undefined>): string[] {
  const { SLACK_BOT_TOKEN: token, SLACK_CLIENT_ID: clientId } = env;
  if (token && clientId) {
    return ['SLACK_BOT_TOKEN: leave it empty when SLACK_CLIENT_ID is set (workspaces install through OAuth)'];
  }
  if (!token && !clientId) {
    return [
      'SLACK_BOT_TOKEN: required: the Bot User OAuth Token (xoxb-...), or SLACK_CLIENT_ID to distribute',
    ];
  }
  if (!clientId) return [];
  const problems: string[] = DISTRIBUTION_SETTINGS.filter((name) => !env[name]).map(
    (name) => `${name}: required with SLACK_CLIENT_ID`,
  );
  if (env.SLACK_APP_TOKEN && env.SOCKET_MODE !== 'false') {
    problems.push('SLACK_CLIENT_ID: OAuth installs need HTTP mode (leave SLACK_APP_TOKEN empty)');
  }
  if (env.TOKEN_ENCRYPTION_KEYS) {
    try {
      parseTokenKeys(env.TOKEN_ENCRYPTION_KEYS);
    } catch (error) {
      problems.push(`TOKEN_ENCRYPTION_KEYS: ${(error as Error).message}`);
    }
  }
  return problems;
}

/** A tracker token serves one workspace's asks: in distribution it would serve every workspace's. */
function trackerProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (env.GITHUB_TOKEN && env.SLACK_CLIENT_ID)
    problems.push('GITHUB_TOKEN: leave it empty when SLACK_CLIENT_ID is set (one workspace’s tracker only)');
  if (env.GITHUB_WEBHOOK_SECRET && !env.GITHUB_TOKEN)
    problems.push('GITHUB_WEBHOOK_SECRET: set GITHUB_TOKEN too, or leave it empty');
  const jira = ['JIRA_BASE_URL', 'JIRA_EMAIL', 'JIRA_API_TOKEN'] as const;
  const given = jira.filter((name) => env[name]);
  if (given.length > 0 && given.length < jira.length)
    problems.push(
      `${jira.find((name) => !env[name])}: Jira needs JIRA_BASE_URL, JIRA_EMAIL and JIRA_API_TOKEN together`,
    );
  if (env.JIRA_API_TOKEN && env.SLACK_CLIENT_ID)
    problems.push(
      'JIRA_API_TOKEN: leave it empty when SLACK_CLIENT_ID is set (one workspace’s tracker only)',
    );
  if (env.JIRA_WEBHOOK_SECRET && !env.JIRA_API_TOKEN)
    problems.push('JIRA_WEBHOOK_SECRET: set JIRA_API_TOKEN too, or leave it empty');
  if (env.LINEAR_API_KEY && env.SLACK_CLIENT_ID)
    problems.push(
      'LINEAR_API_KEY: leave it empty when SLACK_CLIENT_ID is set (one workspace’s tracker only)',
    );
  if (env.LINEAR_WEBHOOK_SECRET && !env.LINEAR_API_KEY)
    problems.push('LINEAR_WEBHOOK_SECRET: set LINEAR_API_KEY too, or leave it empty');
  for (const [prefix, { states, credential }] of Object.entries(MEANINGS)) {
    const statusMap = env[`${prefix}_STATUS_MAP`];
    const people = env[`${prefix}_PEOPLE`];
    const mapping = statusMap ? parseStatusMap(states, statusMap) : null;
    if (mapping && !mapping.ok) problems.push(`${prefix}_STATUS_MAP: ${mapping.message}`);
    else if (mapping && !env[credential])
      problems.push(`${prefix}_STATUS_MAP: set ${credential} too, or leave it empty`);
    const parsed = people ? parseTrackerPeople(people) : null;
    if (parsed && !parsed.ok) problems.push(`${prefix}_PEOPLE: ${parsed.message}: use login=U0123ABC pairs`);
  }
  return problems;
}

/** Each tracker's states, and the setting that connects it, by the prefix of its mapping settings. */
const MEANINGS = {
  GITHUB: { states: GITHUB_STATES, credential: 'GITHUB_TOKEN' },
  JIRA: { states: JIRA_STATES, credential: 'JIRA_API_TOKEN' },
  LINEAR: { states: LINEAR_STATES, credential: 'LINEAR_API_KEY' },
};

/** `<prefix>_STATUS_MAP` and `<prefix>_PEOPLE`, checked by trackerProblems. */
function meaningsOf(env: Record<string, string | undefined>, prefix: keyof typeof MEANINGS): TrackerMeanings {
  const mapping = parseStatusMap(MEANINGS[prefix].states, env[`${prefix}_STATUS_MAP`] ?? '');
  const people = parseTrackerPeople(env[`${prefix}_PEOPLE`] ?? '');
  return { statusMap: mapping.ok ? mapping.map : {}, people: people.ok ? people.people : {} };
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Settings come from the environment; a .env file in the working folder fills in what it does not set. */
export function loadEnvFile(): void {
  if (existsSync('.env')) process.loadEnvFile('.env');
}

const storeSchema = schema.pick({ MONGODB_URI: true, DATA_DIR: true });

const storeFrom = (e: z.infer<typeof storeSchema>): Config['store'] =>
  e.MONGODB_URI ? { mongodbUri: e.MONGODB_URI } : { dataDir: e.DATA_DIR };

/** Only where the store is (the command-line tool needs no Slack settings), read as loadConfig reads it. */
export function loadStoreConfig(
  env: Record<string, string | undefined>,
): { ok: true; store: Config['store'] } | { ok: false; problems: string[] } {
  const parsed = storeSchema.safeParse(env);
  if (parsed.success) return { ok: true, store: storeFrom(parsed.data) };
  return { ok: false, problems: parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`) };
}

/**
 * The playground runs when PLAYGROUND is true, or when no Slack setting has a value (a copied
 * .env.example counts as none). Some Slack settings but not all still fail in loadConfig: a
 * misconfigured deployment never silently becomes a playground.
 */
export function playgroundWanted(env: Record<string, string | undefined>): boolean {
  const forced = flag.safeParse(env.PLAYGROUND || undefined);
  if (forced.success) return forced.data;
  return !Object.entries(env).some(([name, value]) => name.startsWith('SLACK_') && Boolean(value));
}

const playgroundSchema = schema.pick({ PORT: true, DATA_DIR: true, LOG_LEVEL: true, PLAYGROUND: true });

/** What the playground reads: where it listens, where its data folder goes, how much it logs. */
export function loadPlaygroundSettings(
  env: Record<string, string | undefined>,
): { ok: true; settings: PlaygroundSettings } | { ok: false; problems: string[] } {
  const parsed = playgroundSchema.safeParse(env);
  if (!parsed.success)
    return { ok: false, problems: parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`) };
  const { PORT: port, DATA_DIR: dataDir, LOG_LEVEL: logLevel } = parsed.data;
  return { ok: true, settings: { port, dataDir, logLevel } };
}

export interface PlaygroundSettings {
  port: number;
  dataDir: string;
  logLevel: LogLevelName;
}

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
    ...installProblems(env),
    ...webhookProblems(env),
    ...trackerProblems(env),
  ];
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  const e = parsed.data;
  const apiUrl = e.SLACK_API_URL ?? 'https://slack.com/api/';
  return {
    ok: true,
    config: {
      slack: {
        botToken: e.SLACK_BOT_TOKEN ?? null,
        distribution: e.SLACK_CLIENT_ID
          ? {
              clientId: e.SLACK_CLIENT_ID,
              clientSecret: e.SLACK_CLIENT_SECRET as string,
              stateSecret: e.SLACK_STATE_SECRET as string,
              tokenKeys: parseTokenKeys(e.TOKEN_ENCRYPTION_KEYS as string),
            }
          : null,
        signingSecret: e.SLACK_SIGNING_SECRET ?? null,
        appToken: e.SLACK_APP_TOKEN ?? null,
        socketMode: e.SOCKET_MODE ?? e.SLACK_APP_TOKEN !== undefined,
        apiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`,
      },
      port: e.PORT,
      store: storeFrom(e),
      logLevel: e.LOG_LEVEL,
      digestGraceMs: e.DIGEST_GRACE_HOURS * 3_600_000,
      jobs: {
        concurrency: e.JOB_CONCURRENCY,
        workspaceTimeLimitMs: Math.round(e.JOB_WORKSPACE_TIME_LIMIT_SECONDS * 1000),
      },
      limits: personLimitsFrom(e),
      webhooks: webhookSettingsFrom(e, e.TOKEN_ENCRYPTION_KEYS),
      trackers: {
        github: e.GITHUB_TOKEN
          ? {
              token: e.GITHUB_TOKEN,
              apiUrl: (e.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''),
              webhookSecret: e.GITHUB_WEBHOOK_SECRET ?? null,
              ...meaningsOf(env, 'GITHUB'),
            }
          : null,
        jira:
          e.JIRA_BASE_URL && e.JIRA_EMAIL && e.JIRA_API_TOKEN
            ? {
                baseUrl: e.JIRA_BASE_URL.replace(/\/+$/, ''),
                email: e.JIRA_EMAIL,
                apiToken: e.JIRA_API_TOKEN,
                webhookSecret: e.JIRA_WEBHOOK_SECRET ?? null,
                issueTypes: { enhancement: e.JIRA_ENHANCEMENT_TYPE, help: e.JIRA_HELP_TYPE },
                ...meaningsOf(env, 'JIRA'),
              }
            : null,
        linear: e.LINEAR_API_KEY
          ? {
              apiKey: e.LINEAR_API_KEY,
              apiUrl: e.LINEAR_API_URL ?? 'https://api.linear.app/graphql',
              webhookSecret: e.LINEAR_WEBHOOK_SECRET ?? null,
              ...meaningsOf(env, 'LINEAR'),
            }
          : null,
        commentMarker: e.TRACKER_COMMENT_MARKER,
        pollMinutes: e.TRACKER_POLL_MINUTES,
        admins: e.TRACKER_ADMINS?.split(',').map((id) => id.trim()) ?? [],
      },
      announcements: {
        holdThreshold: e.ANNOUNCE_HOLD_THRESHOLD,
        holdMs: Math.round(e.ANNOUNCE_HOLD_HOURS * 3_600_000),
        signOffThreshold: e.ANNOUNCE_SIGNOFF_THRESHOLD,
      },
      ...(e.METRICS_TOKEN ? { metricsToken: e.METRICS_TOKEN } : {}),
    },
  };
}

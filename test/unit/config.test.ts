import { describe, expect, it } from 'vitest';
import { loadConfig, loadPlaygroundSettings, playgroundWanted } from '../../src/config.js';

const http = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'abcdef0123456789' };

describe('loadConfig', () => {
  it('defaults to HTTP mode on port 3000 with the embedded store in ./data', () => {
    const result = loadConfig(http);
    expect(result).toEqual({
      ok: true,
      config: {
        slack: {
          botToken: 'xoxb-1-2-abc',
          distribution: null,
          signingSecret: 'abcdef0123456789',
          appToken: null,
          socketMode: false,
          apiUrl: 'https://slack.com/api/',
        },
        port: 3000,
        store: { dataDir: './data' },
        logLevel: 'info',
        digestGraceMs: 6 * 3_600_000,
        jobs: { concurrency: 8, workspaceTimeLimitMs: 20_000 },
        limits: {
          raise: { max: 20, windowMs: 3_600_000 },
          react: { max: 40, windowMs: 3_600_000 },
          details: { max: 30, windowMs: 3_600_000 },
          vote: { max: 60, windowMs: 3_600_000 },
          form: { max: 30, windowMs: 60_000 },
        },
        webhooks: { secretKeys: null, allowPrivateAddresses: false, timeoutMs: 10_000, endpoint: null },
        trackers: {
          github: null,
          jira: null,
          linear: null,
          commentMarker: 'customer:',
          pollMinutes: 0,
          admins: [],
        },
        announcements: { holdThreshold: 20, holdMs: 2 * 3_600_000, signOffThreshold: 100 },
      },
    });
  });

  it('reads the announcements’ hold window and sign-off thresholds, and refuses what is not a count', () => {
    const set = {
      ANNOUNCE_HOLD_THRESHOLD: '5',
      ANNOUNCE_HOLD_HOURS: '0.5',
      ANNOUNCE_SIGNOFF_THRESHOLD: '50',
    };
    expect(loadConfig({ ...http, ...set })).toMatchObject({
      ok: true,
      config: { announcements: { holdThreshold: 5, holdMs: 1_800_000, signOffThreshold: 50 } },
    });
    const bad = {
      ANNOUNCE_HOLD_THRESHOLD: '2.5',
      ANNOUNCE_HOLD_HOURS: '100',
      ANNOUNCE_SIGNOFF_THRESHOLD: '-1',
    };
    expect(loadConfig({ ...http, ...bad })).toEqual({
      ok: false,
      problems: [
        'ANNOUNCE_HOLD_THRESHOLD: must be a whole number of partnerships',
        'ANNOUNCE_HOLD_HOURS: must be 0 to 72 hours',
        'ANNOUNCE_SIGNOFF_THRESHOLD: must be 0 or more',
      ],
    });
  });

  it('reads GitHub for one workspace, trimming the API URL, and refuses it with distribution', () => {
    const github = { GITHUB_TOKEN: 'ghp_0123456789', GITHUB_WEBHOOK_SECRET: 'whsec-0123456789abcdef' };
    const result = loadConfig({
      ...http,
      ...github,
      GITHUB_API_URL: 'https://ghe.example.com/api/v3/',
      GITHUB_STATUS_MAP: 'not_planned=ignore, duplicate=declined',
      TRACKER_ADMINS: 'U0ADMIN1, U0ADMIN2',
      GITHUB_PEOPLE: 'OctoCat=U0BOB001',
    });
    expect(result.ok && result.config.trackers).toEqual({
      github: {
        token: 'ghp_0123456789',
        apiUrl: 'https://ghe.example.com/api/v3',
        webhookSecret: 'whsec-0123456789abcdef',
        statusMap: { not_planned: null, duplicate: 'declined' },
        people: { octocat: 'U0BOB001' },
      },
      jira: null,
      linear: null,
      commentMarker: 'customer:',
      pollMinutes: 0,
      admins: ['U0ADMIN1', 'U0ADMIN2'],
    });
    const distributed = loadConfig({
      ...github,
      SLACK_SIGNING_SECRET: 'abcdef0123456789',
      SLACK_CLIENT_ID: '123.456',
      SLACK_CLIENT_SECRET: 'secret0123456789abcdef',
      SLACK_STATE_SECRET: 'state0123456789abcdef',
      TOKEN_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
    });
    expect(distributed.ok ? [] : distributed.problems).toEqual([
      'GITHUB_TOKEN: leave it empty when SLACK_CLIENT_ID is set (one workspace’s tracker only)',
    ]);
    const secretOnly = loadConfig({ ...http, GITHUB_WEBHOOK_SECRET: 'whsec-0123456789abcdef' });
    expect(secretOnly.ok ? [] : secretOnly.problems).toEqual([
      'GITHUB_WEBHOOK_SECRET: set GITHUB_TOKEN too, or leave it empty',
    ]);
  });

  it('reads Jira for one workspace with its issue types, and refuses a partial or distributed setup', () => {
    const jira = {
      JIRA_BASE_URL: 'https://acme.atlassian.net/',
      JIRA_EMAIL: 'bot@acme.example',
      JIRA_API_TOKEN: 'ATATT3xFfGF0token',
      JIRA_WEBHOOK_SECRET: 'jira-secret-0123456789',
    };
    const result = loadConfig({
      ...http,
      ...jira,
      JIRA_HELP_TYPE: 'Bug',
      JIRA_STATUS_MAP: "Duplicate=ignore, Won't Do=completed",
      JIRA_PEOPLE: '712020:5b10a2844c20=U0BOB001',
    });
    expect(result.ok && result.config.trackers?.jira).toEqual({
      baseUrl: 'https://acme.atlassian.net',
      email: 'bot@acme.example',
      apiToken: 'ATATT3xFfGF0token',
      webhookSecret: 'jira-secret-0123456789',
      issueTypes: { enhancement: 'Story', help: 'Bug' },
      statusMap: { Duplicate: null, "Won't Do": 'completed' },
      people: { '712020:5b10a2844c20': 'U0BOB001' },
    });
    const partial = loadConfig({
      ...http,
      JIRA_BASE_URL: jira.JIRA_BASE_URL,
      JIRA_API_TOKEN: jira.JIRA_API_TOKEN,
    });
    expect(partial.ok ? [] : partial.problems).toEqual([
      'JIRA_EMAIL: Jira needs JIRA_BASE_URL, JIRA_EMAIL and JIRA_API_TOKEN together',
    ]);
    const secretOnly = loadConfig({ ...http, JIRA_WEBHOOK_SECRET: jira.JIRA_WEBHOOK_SECRET });
    expect(secretOnly.ok ? [] : secretOnly.problems).toEqual([
      'JIRA_WEBHOOK_SECRET: set JIRA_API_TOKEN too, or leave it empty',
    ]);
  });

  it('reads Linear for one workspace with Linear’s endpoint by default, and refuses it with distribution', () => {
    const linear = { LINEAR_API_KEY: 'lin_api_0123456789', LINEAR_WEBHOOK_SECRET: 'lin_wh_0123456789abcdef' };
    const result = loadConfig({ ...http, ...linear });
    expect(result.ok && result.config.trackers?.linear).toEqual({
      apiKey: 'lin_api_0123456789',
      apiUrl: 'https://api.linear.app/graphql',
      webhookSecret: 'lin_wh_0123456789abcdef',
      statusMap: {},
      people: {},
    });
    expect(loadConfig(http)).toMatchObject({ ok: true, config: { trackers: { github: null } } });
    const problems = (env: Record<string, string>) => {
      const loaded = loadConfig(env);
      return loaded.ok ? [] : loaded.problems;
    };
    expect(problems({ ...http, LINEAR_API_URL: 'not a url', LINEAR_WEBHOOK_SECRET: 'short' })).toEqual([
      'LINEAR_API_URL: must be a URL such as https://api.linear.app/graphql',
      'LINEAR_WEBHOOK_SECRET: use at least 16 characters',
      'LINEAR_WEBHOOK_SECRET: set LINEAR_API_KEY too, or leave it empty',
    ]);
    expect(problems({ ...http, ...linear, LINEAR_STATUS_MAP: 'closed=declined' })).toEqual([
      'LINEAR_STATUS_MAP: closed is not a state here: use triage, backlog, unstarted, started, completed, canceled, duplicate.',
    ]);
    expect(problems({ ...http, LINEAR_STATUS_MAP: 'canceled=ignore' })).toEqual([
      'LINEAR_STATUS_MAP: set LINEAR_API_KEY too, or leave it empty',
    ]);
    const distributed = {
      ...linear,
      SLACK_SIGNING_SECRET: 'abcdef0123456789',
      SLACK_CLIENT_ID: '123.456',
      SLACK_CLIENT_SECRET: 'secret0123456789abcdef',
      SLACK_STATE_SECRET: 'state0123456789abcdef',
      TOKEN_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
    };
    expect(problems(distributed)).toEqual([
      'LINEAR_API_KEY: leave it empty when SLACK_CLIENT_ID is set (one workspace’s tracker only)',
    ]);
  });

  it('reads per-person limits, 0 turning one off, and refuses what is not a whole number of 0 or more', () => {
    expect(loadConfig({ ...http, LIMIT_ASKS_PER_HOUR: '5', LIMIT_FORMS_PER_MINUTE: '0' })).toMatchObject({
      ok: true,
      config: { limits: { raise: { max: 5, windowMs: 3_600_000 }, form: { max: 0, windowMs: 60_000 } } },
    });
    expect(loadConfig({ ...http, LIMIT_VOTES_PER_HOUR: '-1', LIMIT_DETAILS_PER_HOUR: '2.5' })).toEqual({
      ok: false,
      problems: [
        'LIMIT_DETAILS_PER_HOUR: must be a whole number (0 turns the limit off)',
        'LIMIT_VOTES_PER_HOUR: must be 0 (off) or more',
      ],
    });
  });

  it('reads how scheduled jobs visit workspaces, and refuses no concurrency or a time limit of no time', () => {
    expect(
      loadConfig({ ...http, JOB_CONCURRENCY: '20', JOB_WORKSPACE_TIME_LIMIT_SECONDS: '2.5' }),
    ).toMatchObject({
      ok: true,
      config: { jobs: { concurrency: 20, workspaceTimeLimitMs: 2_500 } },
    });
    expect(
      loadConfig({ ...http, JOB_CONCURRENCY: '0', JOB_WORKSPACE_TIME_LIMIT_SECONDS: '0' }),
    ).toMatchObject({
      ok: false,
      problems: [
        expect.stringMatching(/^JOB_CONCURRENCY: /),
        expect.stringMatching(/^JOB_WORKSPACE_TIME_LIMIT_SECONDS: /),
      ],
    });
    expect(loadConfig({ ...http, JOB_CONCURRENCY: '2.5' })).toMatchObject({
      ok: false,
      problems: ['JOB_CONCURRENCY: must be a whole number of workspaces'],
    });
  });

  it('reads the digest grace in hours and refuses a negative one', () => {
    expect(loadConfig({ ...http, DIGEST_GRACE_HOURS: '1.5' })).toMatchObject({
      ok: true,
      config: { digestGraceMs: 5_400_000 },
    });
    expect(loadConfig({ ...http, DIGEST_GRACE_HOURS: '-1' })).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^DIGEST_GRACE_HOURS: /)],
    });
  });

  it('turns Socket Mode on when an app token is given, and MongoDB on when a URI is given', () => {
    const result = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      MONGODB_URI: 'mongodb://db:27017/rapport',
      SLACK_API_URL: 'https://slack-gov.com/api',
      LOG_LEVEL: 'DEBUG',
    });
    if (!result.ok) throw new Error(result.problems.join('; '));
    expect(result.config.slack.socketMode).toBe(true);
    expect(result.config.slack.apiUrl).toBe('https://slack-gov.com/api/');
    expect(result.config.store).toEqual({ mongodbUri: 'mongodb://db:27017/rapport' });
    expect(result.config.logLevel).toBe('debug');
  });

  it('lets SOCKET_MODE=false force HTTP mode even with an app token', () => {
    const result = loadConfig({ ...http, SLACK_APP_TOKEN: 'xapp-1', SOCKET_MODE: 'false' });
    expect(result.ok && result.config.slack.socketMode).toBe(false);
  });

  it('lists every problem at once, each naming the setting', () => {
    const result = loadConfig({
      SLACK_BOT_TOKEN: 'xoxp-user-token',
      PORT: 'eighty',
      MONGODB_URI: 'postgres://nope',
      LOG_LEVEL: 'loud',
      SOCKET_MODE: 'maybe',
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    for (const name of ['SLACK_BOT_TOKEN', 'PORT', 'MONGODB_URI', 'LOG_LEVEL', 'SOCKET_MODE']) {
      expect(
        problems.some((p) => p.startsWith(`${name}:`)),
        name,
      ).toBe(true);
    }
  });

  it('says what is required when nothing is set', () => {
    const result = loadConfig({});
    expect(result.ok ? [] : result.problems).toEqual([
      'SLACK_SIGNING_SECRET: required in HTTP mode: Basic Information > Signing Secret',
      'SLACK_BOT_TOKEN: required: the Bot User OAuth Token (xoxb-...), or SLACK_CLIENT_ID to distribute',
    ]);
  });

  it('requires an app token when Socket Mode is asked for', () => {
    const result = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SOCKET_MODE: 'true' });
    expect(result.ok ? [] : result.problems).toEqual([
      'SLACK_APP_TOKEN: required in Socket Mode (xapp-... with connections:write)',
    ]);
  });

  it('protects /metrics with a bearer token only when one is set', () => {
    const token = 'f3a9c1d27b6e4058a1c2';
    const withToken = loadConfig({ ...http, METRICS_TOKEN: token });
    expect(withToken.ok && withToken.config.metricsToken).toBe(token);
    const blank = loadConfig({ ...http, METRICS_TOKEN: '' });
    expect(blank.ok && 'metricsToken' in blank.config).toBe(false);
  });

  it('refuses a metrics token that is short or has spaces', () => {
    for (const METRICS_TOKEN of ['short', 'a token with some spaces in it']) {
      const result = loadConfig({ ...http, METRICS_TOKEN });
      expect(result.ok ? [] : result.problems, METRICS_TOKEN).toEqual([
        expect.stringMatching(/^METRICS_TOKEN: /),
      ]);
    }
  });

  describe('distribution (OAuth installs)', () => {
    const key = (id: string) => `${id}:${Buffer.alloc(32, id).toString('base64')}`;
    const oauth = {
      SLACK_SIGNING_SECRET: 'abcdef0123456789',
      SLACK_CLIENT_ID: '1234567890.0987654321',
      SLACK_CLIENT_SECRET: 'client-secret-0123456789',
      SLACK_STATE_SECRET: 'state-secret-0123456789',
      TOKEN_ENCRYPTION_KEYS: `${key('k2')},${key('k1')}`,
    };

    it('needs no bot token, and reads the token keys current first', () => {
      const result = loadConfig(oauth);
      if (!result.ok) throw new Error(result.problems.join('; '));
      expect(result.config.slack.botToken).toBeNull();
      expect(result.config.slack.distribution).toMatchObject({
        clientId: '1234567890.0987654321',
        clientSecret: 'client-secret-0123456789',
        stateSecret: 'state-secret-0123456789',
      });
      expect(result.config.slack.distribution?.tokenKeys.map((k) => k.id)).toEqual(['k2', 'k1']);
    });

    it('names every missing or wrong setting, and refuses a bot token beside a client id', () => {
      const missing = loadConfig({ SLACK_SIGNING_SECRET: 'abcdef0123456789', SLACK_CLIENT_ID: '1.2' });
      expect(missing.ok ? [] : missing.problems).toEqual([
        'SLACK_CLIENT_SECRET: required with SLACK_CLIENT_ID',
        'SLACK_STATE_SECRET: required with SLACK_CLIENT_ID',
        'TOKEN_ENCRYPTION_KEYS: required with SLACK_CLIENT_ID',
      ]);
      const both = loadConfig({ ...oauth, SLACK_BOT_TOKEN: 'xoxb-1' });
      expect(both.ok ? [] : both.problems).toEqual([
        expect.stringMatching(/^SLACK_BOT_TOKEN: leave it empty/),
      ]);
      const shortKey = loadConfig({ ...oauth, TOKEN_ENCRYPTION_KEYS: 'k1:c2hvcnQ=' });
      expect(shortKey.ok ? [] : shortKey.problems).toEqual([
        'TOKEN_ENCRYPTION_KEYS: token key k1 must be 32 bytes (it is 5)',
      ]);
      const socket = loadConfig({ ...oauth, SLACK_APP_TOKEN: 'xapp-1' });
      expect(socket.ok ? [] : socket.problems).toEqual([
        'SLACK_CLIENT_ID: OAuth installs need HTTP mode (leave SLACK_APP_TOKEN empty)',
      ]);
    });
  });

  describe('webhooks', () => {
    const secret = `whsec_${Buffer.alloc(32, 1).toString('base64')}`;
    const key = `k1:${Buffer.alloc(32, 2).toString('base64')}`;

    it('reads the endpoint of the settings, the token keys without distribution, and the sending rules', () => {
      const result = loadConfig({
        ...http,
        WEBHOOK_URL: 'https://hooks.example.com/rapport',
        WEBHOOK_SECRET: secret,
        WEBHOOK_EVENTS: 'ask.raised, ask.shipped',
        WEBHOOK_INTERNAL: 'true',
        WEBHOOK_TIMEOUT_SECONDS: '5',
        WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'yes',
        TOKEN_ENCRYPTION_KEYS: key,
      });
      expect(result).toMatchObject({
        ok: true,
        config: {
          webhooks: {
            secretKeys: [{ id: 'k1' }],
            allowPrivateAddresses: true,
            timeoutMs: 5_000,
            endpoint: {
              url: 'https://hooks.example.com/rapport',
              secret,
              events: ['ask.raised', 'ask.shipped'],
              internal: true,
            },
          },
        },
      });
    });

    it('lists every webhook problem at once', () => {
      const result = loadConfig({
        ...http,
        WEBHOOK_URL: 'ftp://hooks.example.com/',
        WEBHOOK_EVENTS: 'ask.raised,ask.deleted',
        WEBHOOK_TIMEOUT_SECONDS: '90',
        TOKEN_ENCRYPTION_KEYS: 'k1:c2hvcnQ=',
      });
      expect(result.ok ? [] : result.problems).toEqual([
        'WEBHOOK_URL: must be an http(s) URL',
        expect.stringMatching(/^WEBHOOK_EVENTS: use event types among ask\.raised, /),
        expect.stringMatching(/^WEBHOOK_TIMEOUT_SECONDS: /),
        'WEBHOOK_SECRET: WEBHOOK_URL and WEBHOOK_SECRET go together',
        'TOKEN_ENCRYPTION_KEYS: token key k1 must be 32 bytes (it is 5)',
      ]);
      const weak = loadConfig({
        ...http,
        WEBHOOK_URL: 'https://h.example.com/',
        WEBHOOK_SECRET: 'whsec_c2hvcnQ=',
      });
      expect(weak.ok ? [] : weak.problems).toEqual([
        'WEBHOOK_SECRET: must be whsec_ and at least 24 bytes in base64',
      ]);
    });
  });
});

describe('playgroundWanted', () => {
  it('chooses the playground when no Slack setting has a value, a copied .env.example with empty ones included', () => {
    expect(playgroundWanted({})).toBe(true);
    expect(
      playgroundWanted({ SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '', PORT: '3000', DATA_DIR: './data' }),
    ).toBe(true);
  });

  it('leaves any Slack setting with a value to loadConfig, so a half-configured deployment fails', () => {
    expect(playgroundWanted({ SLACK_SIGNING_SECRET: 'sekrit-sekrit' })).toBe(false);
    expect(playgroundWanted({ SLACK_API_URL: 'https://slack-gov.com/api/' })).toBe(false);
  });

  it('obeys PLAYGROUND either way', () => {
    expect(playgroundWanted({ PLAYGROUND: 'true', SLACK_BOT_TOKEN: 'xoxb-1' })).toBe(true);
    expect(playgroundWanted({ PLAYGROUND: 'false' })).toBe(false);
    expect(
      loadConfig({ PLAYGROUND: 'maybe', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'sekrit-sekrit' }),
    ).toMatchObject({
      ok: false,
      problems: ['PLAYGROUND: use true or false'],
    });
  });

  it('reads only PORT, DATA_DIR, LOG_LEVEL for the playground, with their usual defaults', () => {
    expect(loadPlaygroundSettings({})).toEqual({
      ok: true,
      settings: { port: 3000, dataDir: './data', logLevel: 'info' },
    });
    expect(loadPlaygroundSettings({ PORT: 'x' })).toMatchObject({
      ok: false,
      problems: ['PORT: must be a number'],
    });
  });
});

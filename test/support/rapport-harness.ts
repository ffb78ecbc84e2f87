import {
  type Config,
  DEFAULT_JOB_SETTINGS,
  type Distribution,
  type JobSettings,
  type TrackerConfig,
} from '../../src/config.js';
import type { AnnouncementSettings } from '../../src/domain/announcements/announcement-settings.js';
import type { PersonLimits } from '../../src/domain/limits/person-limits.js';
import type { Clock } from '../../src/domain/ports.js';
import { NO_PERSON_LIMITS } from '../../src/limit-settings.js';
import { createLogger } from '../../src/logger.js';
import {
  FAKE_CLIENT_ID,
  FAKE_CLIENT_SECRET,
  FakeSlack,
  SlackDriver,
} from '../../src/playground/slack-simulator/index.js';
import { type RunningRapport, startRapport } from '../../src/rapport.js';
import type { StoreLocation } from '../../src/store/open-store.js';
import type { WebhookSettings } from '../../src/webhook-settings.js';
import { TestClock } from './test-clock.js';

const passTime = (clock: TestClock) => async (ms: number) => clock.advance(ms / 60_000);

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
/** The OAuth app of distribution tests: the fake's client credentials, one token key. */
export const DISTRIBUTION: Distribution = {
  clientId: FAKE_CLIENT_ID,
  clientSecret: FAKE_CLIENT_SECRET,
  stateSecret: 'test-state-secret-0123456789',
  tokenKeys: [{ id: 'k1', key: Buffer.alloc(32, 7) }],
};
export const VENDOR_TEAM = 'TVENDOR01';
export const CUSTOMER_TEAM = 'TCUST0001';

/** The people and channels every end-to-end test starts with. */
export const people = {
  alice: { id: 'UALICE001', teamId: VENDOR_TEAM }, // vendor account manager
  bob: { id: 'UBOB00001', teamId: VENDOR_TEAM }, // vendor engineer
  carol: { id: 'UCAROL001', teamId: CUSTOMER_TEAM }, // customer champion
  dave: { id: 'UDAVE0001', teamId: CUSTOMER_TEAM }, // customer engineer
};
export const channels = {
  shared: 'CSHARED01',
  triage: 'CTRIAGE01',
  privateShared: 'GPRIVATE1',
  otherShared: 'CGLOBEX01',
};

export interface Harness {
  fake: FakeSlack;
  driver: SlackDriver;
  rapport: RunningRapport;
  logs: string[];
  /** A second instance of the app on the same store and fake Slack, as another replica; stopped with the harness. */
  startReplica(): Promise<RunningRapport>;
  /** Stops the app and starts it again on the same store, as after a deploy or a crash. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real app against the fake Slack API, on the given store: in HTTP mode on a free port, or in Socket
 * Mode (`socketMode`), connected to the fake's Socket Mode server, the driver then speaking envelopes.
 */
export type HarnessOptions = NonNullable<Parameters<typeof startHarness>[1]>;

export async function startHarness(
  store: StoreLocation,
  options: {
    clock?: Clock;
    /** The Web API clients' own retries, as in production (real-time backoff), instead of none. */
    productionRetries?: boolean;
    /** Workspaces install through OAuth (no bot token); see oauth-install.ts. */
    distribution?: boolean;
    /** Socket Mode with an app-level token instead of HTTP (no signing secret then). */
    socketMode?: boolean;
    /** Per-person limits; off unless a test is about them, so other tests may repeat an action freely. */
    limits?: PersonLimits;
    /** Outbound webhook settings (tests of webhooks allow the local receiver's private address explicitly). */
    webhooks?: WebhookSettings;
    /** Engineering's trackers (a fake GitHub's URL); none unless a test is about them. */
    trackers?: TrackerConfig;
    /** How scheduled jobs visit workspaces; the defaults otherwise. */
    jobs?: JobSettings;
    /** Hold window and sign-off thresholds of announcements; the defaults otherwise. */
    announcements?: AnnouncementSettings;
  } = {},
): Promise<Harness> {
  const fake = await FakeSlack.start({ vendorTeamId: VENDOR_TEAM });
  fake.addUser({
    id: people.alice.id,
    teamId: VENDOR_TEAM,
    tz: 'Europe/Berlin',
    name: 'alice',
    isAdmin: true,
  });
  fake.addUser({ id: people.bob.id, teamId: VENDOR_TEAM, tz: 'America/New_York', name: 'bob' });
  fake.addUser({ id: people.carol.id, teamId: CUSTOMER_TEAM, isStranger: true, tz: null, name: 'carol' });
  fake.addUser({ id: people.dave.id, teamId: CUSTOMER_TEAM, isStranger: true, name: 'dave' });
  const members = Object.values(people).map((p) => p.id);
  fake.addChannel({ id: channels.shared, name: 'acme-vendor', isExtShared: true, members });
  fake.addChannel({ id: channels.otherShared, name: 'globex-vendor', isExtShared: true, members });
  fake.addChannel({ id: channels.triage, name: 'acme-triage', members: [people.alice.id, people.bob.id] });
  fake.addChannel({
    id: channels.privateShared,
    name: 'globex',
    isPrivate: true,
    isExtShared: true,
    members,
    botIsMember: false,
  });

  const config: Config = {
    slack: {
      botToken: options.distribution ? null : 'xoxb-test-token',
      distribution: options.distribution ? DISTRIBUTION : null,
      signingSecret: options.socketMode ? null : SIGNING_SECRET,
      appToken: options.socketMode ? 'xapp-1-A0TEST-1-test' : null,
      socketMode: options.socketMode === true,
      apiUrl: fake.apiUrl,
    },
    port: 0,
    store: store,
    logLevel: 'debug',
    digestGraceMs: 6 * 3_600_000,
    jobs: options.jobs ?? DEFAULT_JOB_SETTINGS,
    limits: options.limits ?? NO_PERSON_LIMITS,
    ...(options.webhooks ? { webhooks: options.webhooks } : {}),
    ...(options.trackers ? { trackers: options.trackers } : {}),
    ...(options.announcements ? { announcements: options.announcements } : {}),
  };
  const logs: string[] = [];
  const start = () =>
    startRapport(config, {
      logger: createLogger('debug', (line) => logs.push(line)),
      ...(options.productionRetries ? {} : { slackRetries: 0 }),
      schedules: false,
      ...(options.clock ? { clock: options.clock } : {}),
      // Waits (a 429's Retry-After) pass on the test's clock: nothing sleeps.
      ...(options.clock instanceof TestClock ? { sleep: passTime(options.clock) } : {}),
    });
  let rapport = await start();
  const replicas: RunningRapport[] = [];
  const driverFor = (r: RunningRapport) =>
    options.socketMode
      ? new SlackDriver({ transport: 'socket', fake })
      : new SlackDriver({ appUrl: `http://127.0.0.1:${r.port}`, signingSecret: SIGNING_SECRET, fake });
  const harness: Harness = {
    fake,
    driver: driverFor(rapport),
    rapport,
    logs,
    async startReplica() {
      const replica = await start();
      replicas.push(replica);
      return replica;
    },
    async restart() {
      await rapport.stop();
      rapport = await start();
      harness.rapport = rapport;
      harness.driver = driverFor(rapport);
    },
    async stop() {
      await Promise.all(replicas.map((r) => r.stop()));
      await rapport.stop();
      await fake.stop();
    },
  };
  return harness;
}

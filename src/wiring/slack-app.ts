import type { App, CustomRoute } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import { createRapportMetrics, type RapportMetrics } from '../metrics/rapport-metrics.js';
import { createTokenCipher } from '../security/token-cipher.js';
import { buildSlackApp, slackClientOptions } from '../slack/bolt/app.js';
import { rapportInstallationStore } from '../slack/oauth/installation-store.js';
import type { Store } from '../store/open-store.js';
import { type ClientSettings, openWorkspaces, type Workspaces } from '../workspaces/workspace-registry.js';
import type { Basics } from './basics.js';

/** Effects retry a failed call this often at once (a 429 waits its Retry-After), then their runner retries. */
const EFFECT_CALL_RETRIES = 2;

export interface SlackApp {
  app: App;
  workspaces: Workspaces;
  metrics: RapportMetrics;
  /** With distribution: where installations are kept (their tokens sealed). */
  installations: ReturnType<typeof rapportInstallationStore> | null;
}

/**
 * The Bolt app (not started yet), its metrics, and the workspaces it serves. `retries`: failed Web API
 * calls' retries (tests use 0 so an injected failure surfaces at once); `routes`: more HTTP routes on
 * PORT (the playground's, tracker webhooks).
 */
export async function wireSlackApp(
  basics: Basics,
  retries: number | undefined,
  routes: CustomRoute[],
): Promise<SlackApp> {
  const { config, store, clock, logger, inProgress } = basics;
  const { distribution } = config.slack;
  // One registry per running instance: tests start several in one process.
  const metrics = createRapportMetrics({ countAsks: () => countAsks(store, distribution !== null), logger });
  const clientOptions = slackClientOptions(config, { metrics, logger, retries });
  const installations = distribution
    ? rapportInstallationStore(store.installations, createTokenCipher(distribution.tokenKeys), clock)
    : null;
  const app = buildSlackApp(config, {
    logger,
    metrics,
    clientOptions,
    routes,
    inProgress,
    isReady: () =>
      store.ping().then(
        () => true,
        () => false,
      ),
    ...(installations ? { installationStore: installations } : {}),
  });
  const clients = clientSettings(clientOptions, retries);
  const workspaces = await openWorkspaces(config, { store, app, installations, clients, clock, logger });
  return { app, workspaces, metrics, installations };
}

/** The asks of every workspace, by kind and status (the /metrics gauge). */
async function countAsks(store: Store, distribution: boolean) {
  const all = distribution
    ? await Promise.all((await store.installations.list()).map((i) => store.workspace(i.key)))
    : [store];
  return (await Promise.all(all.map((r) => r.asks.countByKindAndStatus()))).flat();
}

function clientSettings(options: WebClientOptions, retries: number | undefined): ClientSettings {
  return {
    client: options,
    // Digests and reminders get clients that never wait or retry inside: every 429 and failure reaches
    // their own retries (the digest pacing; a reminder's 5-minute lease), so no post is still being
    // retried after its lease has passed and another replica has taken the work over. A hung call must
    // not outlive that lease either (SLACK_CALL_TIMEOUT_MS).
    jobClient: { ...options, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } },
    // Effects retry a failed call twice at once, then leave the rest to their runner's backoff: a pass
    // stays well within its lease, so no other replica takes it over.
    effectClient: { ...options, retryConfig: { retries: retries ?? EFFECT_CALL_RETRIES } },
  };
}

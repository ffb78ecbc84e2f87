import { describe, expect, it } from 'vitest';
import { type Config, DEFAULT_JOB_SETTINGS } from '../../../src/config.js';
import { NO_PERSON_LIMITS } from '../../../src/limit-settings.js';
import { createLogger } from '../../../src/logger.js';
import { createRapportMetrics } from '../../../src/metrics/rapport-metrics.js';
import { buildSlackApp, slackClientOptions } from '../../../src/slack/bolt/app.js';
import { createWorkInProgress } from '../../../src/work-in-progress.js';

const config: Config = {
  slack: {
    botToken: 'xoxb-test',
    distribution: null,
    signingSecret: null,
    appToken: 'xapp-1-test',
    socketMode: true,
    apiUrl: 'http://127.0.0.1:9/api/',
  },
  port: 0,
  store: { dataDir: '/nonexistent' },
  logLevel: 'error',
  digestGraceMs: 0,
  jobs: DEFAULT_JOB_SETTINGS,
  limits: NO_PERSON_LIMITS,
};

describe('the Socket Mode app', () => {
  it("leaves the shared Web API client options alone (Bolt's Socket Mode client writes its retries into its own)", () => {
    const logger = createLogger('error', () => undefined);
    const metrics = createRapportMetrics({ countAsks: async () => [], logger });
    const clientOptions = slackClientOptions(config, { metrics, logger }); // production: no retry override
    const inProgress = createWorkInProgress();
    buildSlackApp(config, {
      logger,
      metrics,
      clientOptions,
      routes: [],
      inProgress,
      isReady: async () => true,
    });
    expect(clientOptions.retryConfig).toBeUndefined();
  });
});

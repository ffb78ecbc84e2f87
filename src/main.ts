import { loadConfig, loadEnvFile, loadPlaygroundSettings, playgroundWanted } from './config.js';
import { type AppLogger, createLogger, errorFields } from './logger.js';
import { startRapport } from './rapport.js';

loadEnvFile();

const refuse = (problems: string[]): never => {
  process.stderr.write(
    `Rapport cannot start; fix these settings (see .env.example):\n${problems.map((p) => `  - ${p}`).join('\n')}\n`,
  );
  process.exit(1);
};

/** Starts Rapport for Slack, or the playground when no Slack setting is given; resolves to its stop. */
async function start(): Promise<{ logger: AppLogger; stop: () => Promise<void> }> {
  if (playgroundWanted(process.env)) {
    const loaded = loadPlaygroundSettings(process.env);
    if (!loaded.ok) return refuse(loaded.problems);
    const logger = createLogger(loaded.settings.logLevel);
    // Loaded only here: a deployment with Slack settings never loads the playground or its simulator.
    const { startPlayground } = await import('./playground/playground.js');
    const playground = await startPlayground(loaded.settings, { logger });
    process.stdout.write(`Rapport playground (no Slack settings given): ${playground.url}\n`);
    return { logger, stop: () => playground.stop() };
  }
  const loaded = loadConfig(process.env);
  if (!loaded.ok) return refuse(loaded.problems);
  const logger = createLogger(loaded.config.logLevel);
  const rapport = await startRapport(loaded.config, { logger });
  return { logger, stop: () => rapport.stop() };
}

const bootLogger = createLogger('info');
process.on('unhandledRejection', (reason) =>
  bootLogger.event('error', 'unhandled promise rejection', errorFields(reason)),
);

try {
  const { logger, stop } = await start();
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.event('info', 'shutting down', { signal });
    stop().then(
      () => process.exit(0),
      (error) => {
        logger.event('error', 'shutdown failed', errorFields(error));
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
} catch (error) {
  bootLogger.event('error', 'Rapport failed to start', errorFields(error));
  process.exit(1);
}

import { loadConfig, loadEnvFile } from './config.js';
import { createLogger, errorFields } from './logger.js';
import { startRapport } from './rapport.js';

loadEnvFile();

const loaded = loadConfig(process.env);
if (!loaded.ok) {
  process.stderr.write(
    `Rapport cannot start; fix these settings (see .env.example):\n${loaded.problems.map((p) => `  - ${p}`).join('\n')}\n`,
  );
  process.exit(1);
}

const logger = createLogger(loaded.config.logLevel);
process.on('unhandledRejection', (reason) =>
  logger.event('error', 'unhandled promise rejection', errorFields(reason)),
);

try {
  const rapport = await startRapport(loaded.config, { logger });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.event('info', 'shutting down', { signal });
    rapport.stop().then(
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
  logger.event('error', 'Rapport failed to start', errorFields(error));
  process.exit(1);
}

/**
 * The playground: Rapport with no Slack workspace. The real Rapport (startRapport, store, listeners, jobs)
 * talks over HTTP to the simulated Slack, and a page on Rapport's own server lets a visitor act as any of
 * the seeded people. Started by src/main.ts when no Slack setting is given.
 */
import type { PlaygroundSettings } from '../config.js';
import type { AppLogger } from '../logger.js';
import { personView } from './person-view.js';
import { type PlaygroundHost, playgroundRoutes } from './playground-routes.js';
import { seed } from './seed.js';
import { PlaygroundSession } from './session.js';

export interface RunningPlayground {
  url: string;
  port: number;
  session(): PlaygroundSession;
  /** Resolves once a reset has finished and the seeded state is back. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export async function startPlayground(
  settings: PlaygroundSettings,
  deps: { logger: AppLogger },
): Promise<RunningPlayground> {
  let current: PlaygroundSession | null = null;
  let generation = 0;
  let resetting: Promise<void> = Promise.resolve();
  const started = () => {
    if (!current) throw new Error('the playground is starting again, try in a moment');
    return current;
  };
  const host: PlaygroundHost = {
    session: started,
    stateFor: (userId) => personView(started(), userId, generation),
    reset: () => {
      resetting = restart();
      resetting.catch((error) =>
        deps.logger.event('error', 'playground reset failed', { error: String(error) }),
      );
    },
  };
  const routes = playgroundRoutes(host);
  const open = async (port: number) => {
    const session = await PlaygroundSession.start({ ...settings, port, logger: deps.logger, routes });
    await seed(session);
    generation += 1;
    current = session;
    return session;
  };
  const restart = async () => {
    const old = started();
    current = null;
    await old.stop();
    await open(old.rapport.port);
  };
  const first = await open(settings.port);
  const port = first.rapport.port;
  return {
    url: `http://localhost:${port}`,
    port,
    session: started,
    async reset() {
      host.reset();
      await resetting;
    },
    async stop() {
      await resetting.catch(() => {});
      await current?.stop();
    },
  };
}

import { type AppLogger, errorFields } from '../../logger.js';
import type { Listeners } from '../bolt/listeners.js';
import { installationKey, type rapportInstallationStore } from './installation-store.js';

type Installations = ReturnType<typeof rapportInstallationStore>;

interface InstallDeps {
  /** Null with a single bot token: there is no installation to remove, only an operator to tell. */
  installations: Installations | null;
  /** Drops the workspace's clients kept in memory. */
  forget(key: string): void;
  logger: AppLogger;
}

interface Source {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}

const queryOf = (context: Source) => ({
  teamId: context.teamId,
  enterpriseId: context.enterpriseId,
  isEnterpriseInstall: context.isEnterpriseInstall === true,
});

/**
 * app_uninstalled and tokens_revoked remove the tokens Slack has just made useless and nothing more: the
 * workspace's partnerships, asks and history stay, so installing again carries on where it stopped.
 * A revoked user token leaves the bot working. Bolt delivers these events without authorising them.
 */
export function registerUninstallEvents(listeners: Listeners, deps: InstallDeps): void {
  const removeInstallation = async (context: Source, why: string) => {
    const query = queryOf(context);
    if (deps.installations === null) {
      deps.logger.event(
        'error',
        `Rapport's bot token no longer works (${why}): install the app again`,
        query,
      );
      return;
    }
    await deps.installations.deleteInstallation(query);
    deps.forget(installationKey(query));
    deps.logger.event('info', `installation removed (${why})`, query);
  };

  listeners.event('app_uninstalled', async ({ context }) => removeInstallation(context, 'app_uninstalled'));

  listeners.event('tokens_revoked', async ({ event, context }) => {
    const tokens = event.tokens as { oauth?: string[]; bot?: string[] };
    if ((tokens.bot ?? []).length > 0) return removeInstallation(context, 'tokens_revoked');
    if ((tokens.oauth ?? []).length === 0 || deps.installations === null) return;
    try {
      await deps.installations.forgetUserToken(queryOf(context));
      deps.logger.event('info', 'user token removed (tokens_revoked)', queryOf(context));
    } catch (error) {
      // Nothing stored for it (never installed with a user token, or already uninstalled).
      deps.logger.event('warn', 'a revoked user token had no installation', errorFields(error));
    }
  });
}

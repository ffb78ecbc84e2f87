import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Clock } from '../../domain/ports.js';
import type { TokenCipher } from '../../security/token-cipher.js';
import type { InstallationRepository } from '../../store/repositories/installation-repository.js';

/** An org-wide install answers for every workspace of the org; otherwise each workspace has its own. */
export function installationKey(q: {
  isEnterpriseInstall?: boolean;
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
}): string {
  if (q.isEnterpriseInstall && q.enterpriseId) return `E${q.enterpriseId}`;
  if (q.teamId) return `T${q.teamId}`;
  throw new Error('an installation query needs a team or an enterprise');
}

/**
 * Bolt's InstallationStore on Rapport's own store. The whole installation is kept (Bolt's advice), sealed
 * with the token cipher, so no token is ever at rest in clear. A value sealed with an older key is sealed
 * again with the current one when it is next read: rotation completes as workspaces are used.
 */
export function rapportInstallationStore(
  repo: InstallationRepository,
  cipher: TokenCipher,
  clock: Clock,
): InstallationStore & {
  /** Removes what an uninstall or a bot-token revocation makes useless: the tokens, nothing else. */
  deleteInstallation(query: InstallationQuery<boolean>): Promise<void>;
  /** Forgets the user tokens only, after Slack says they were revoked; the bot keeps working. */
  forgetUserToken(query: InstallationQuery<boolean>): Promise<void>;
} {
  const keyOf = (q: InstallationQuery<boolean>) => installationKey(q);
  const save = async (installation: Installation) =>
    repo.save({
      key: installationKey({
        isEnterpriseInstall: installation.isEnterpriseInstall === true,
        enterpriseId: installation.enterprise?.id,
        teamId: installation.team?.id,
      }),
      teamId: installation.team?.id ?? null,
      enterpriseId: installation.enterprise?.id ?? null,
      sealed: cipher.seal(JSON.stringify(installation)),
      updatedAt: clock.now(),
    });
  const fetch = async (query: InstallationQuery<boolean>): Promise<Installation> => {
    const stored = await repo.find(keyOf(query));
    if (!stored) throw new Error(`no installation for ${keyOf(query)}`);
    const installation = JSON.parse(cipher.open(stored.sealed)) as Installation;
    if (cipher.isStale(stored.sealed)) await save(installation);
    return installation;
  };
  return {
    storeInstallation: save,
    fetchInstallation: fetch,
    async deleteInstallation(query) {
      await repo.remove(keyOf(query));
    },
    async forgetUserToken(query) {
      const installation = await fetch(query);
      const { user } = installation;
      await save({
        ...installation,
        user: { id: user.id, token: undefined, scopes: undefined },
      } as Installation);
    },
  };
}

import type { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import type { Repositories } from '../../../src/domain/ports.js';
import type { SlackDirectory } from '../../../src/slack/bolt/directory.js';
import {
  createWorkspaceScope,
  routed,
  routedRepositories,
  type Workspace,
} from '../../../src/workspaces/workspace-scope.js';

/** A workspace whose repositories answer with its own key, so a test can see whose data it reached. */
function aWorkspace(key: string): Workspace {
  const answer = { findByChannel: async () => ({ accountName: key }), next: async () => key };
  const repositories = new Proxy({} as Repositories, { get: () => answer });
  return {
    key,
    teamId: key.slice(1),
    repositories,
    client: { token: `xoxb-${key}` } as WebClient,
    jobClient: { token: `xoxb-${key}-jobs` } as WebClient,
    effectClient: { token: `xoxb-${key}-effects` } as WebClient,
    directory: {} as SlackDirectory,
  };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('workspace scope', () => {
  it('gives each piece of work its own workspace, however their awaits interleave', async () => {
    const scope = createWorkspaceScope(null);
    const repositories = routedRepositories(scope);
    const { partnerships } = repositories; // kept aside, as jobs do: still routed at each call
    const client = routed(() => scope.current().client);
    const seen: string[] = [];
    const work = (key: string) =>
      scope.run(aWorkspace(key), async () => {
        await tick();
        seen.push(`${key}:${(await partnerships.findByChannel('C1'))?.accountName}:${client.token}`);
        await tick();
        seen.push(`${key}:${await repositories.sequences.next('ACME')}`);
      });
    await Promise.all([work('TA'), work('TB'), work('TC')]);
    expect(seen.sort()).toEqual([
      'TA:TA',
      'TA:TA:xoxb-TA',
      'TB:TB',
      'TB:TB:xoxb-TB',
      'TC:TC',
      'TC:TC:xoxb-TC',
    ]);
  });

  it('refuses data access outside a workspace when there is no single one to fall back to', async () => {
    const repositories = routedRepositories(createWorkspaceScope(null));
    expect(() => repositories.asks.findByRef('ACME-1')).toThrow(/no workspace/);
    const single = routedRepositories(createWorkspaceScope(aWorkspace('TONLY')));
    expect((await single.partnerships.findByChannel('C1'))?.accountName).toBe('TONLY');
  });
});

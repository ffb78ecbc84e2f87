import type { Ask } from '../domain/asks/ask.js';
import { maySuggest } from '../domain/asks/not-the-same.js';
import type { Repositories } from '../domain/ports.js';
import { createRequestIndex, type RequestIndex } from './request-index.js';

/** How many suggestions are shown, and how many ranked candidates are checked against the store for them. */
const SHOWN = 3;
const CHECKED = 8;

/** Another customer's enhancement that may be the same request; for the vendor's eyes only. */
export interface SimilarRequest {
  ask: Ask;
  accountName: string;
}

/** The workspace whose enhancements are compared: one workspace's asks are never suggested in another. */
export interface IndexedWorkspace {
  key: string;
  repositories: Pick<Repositories, 'asks' | 'partnerships'>;
}

export interface SimilarRequests {
  /** Builds a workspace's index from the store, once (later calls wait for the same build). */
  load(workspace: IndexedWorkspace): Promise<RequestIndex>;
  /** Keeps the index current with a stored ask, after each of its changes. */
  follow(workspace: IndexedWorkspace, ask: Ask): Promise<void>;
  /** The best matches for `ask` among other customers' open enhancements, checked against the store. */
  suggest(workspace: IndexedWorkspace, ask: Ask): Promise<SimilarRequest[]>;
  /** Drops a workspace's index (its installation was removed); built again from the store if needed. */
  forget(key: string): void;
}

/**
 * One index per workspace, in this process's memory, built from the store on first use (and at start)
 * and kept current by the effects of each change. Candidates are read again from the store before they
 * are shown, so a link, a "not the same" or a closing made through another replica is respected.
 */
export function createSimilarRequests(): SimilarRequests {
  const indexes = new Map<string, Promise<RequestIndex>>();

  function load(workspace: IndexedWorkspace): Promise<RequestIndex> {
    let built = indexes.get(workspace.key);
    if (!built) {
      built = buildIndex(workspace);
      // A failed build (the store unreachable) is tried again next time rather than kept.
      built.catch(() => indexes.delete(workspace.key));
      indexes.set(workspace.key, built);
    }
    return built;
  }

  return {
    load,
    async follow(workspace, ask) {
      (await load(workspace)).put(ask);
    },
    async suggest(workspace, ask) {
      if (ask.kind !== 'enhancement') return [];
      const { asks, partnerships } = workspace.repositories;
      const ranked = (await load(workspace)).rank(ask, CHECKED);
      const found = await Promise.all(ranked.map((r) => asks.findById(r.id)));
      const shown = found.filter((c): c is Ask => c !== null && maySuggest(ask, c)).slice(0, SHOWN);
      const suggestions: SimilarRequest[] = [];
      for (const candidate of shown) {
        const partnership = await partnerships.findById(candidate.partnershipId);
        if (partnership) suggestions.push({ ask: candidate, accountName: partnership.accountName });
      }
      return suggestions;
    },
    forget: (key) => void indexes.delete(key),
  };
}

async function buildIndex(workspace: IndexedWorkspace): Promise<RequestIndex> {
  const index = createRequestIndex();
  for (const ask of await workspace.repositories.asks.listByKind('enhancement')) index.put(ask);
  return index;
}

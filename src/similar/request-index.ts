import MiniSearch from 'minisearch';
import type { Ask } from '../domain/asks/ask.js';
import { isClosed } from '../domain/asks/lifecycle.js';
import { requestTerm, splitWords } from './request-terms.js';

/** What is indexed of an enhancement: what the customer wants (title) and why (the problem, its use cases). */
interface IndexedRequest {
  id: string;
  partnershipId: string;
  title: string;
  details: string;
}

export interface RankedRequest {
  id: string;
  score: number;
}

/** A long description adds little to ranking past its opening, and costs time per term. */
const QUERY_DETAILS_CHARS = 600;
/** Fewer shared terms than this is a coincidence of vocabulary, not the same request. */
const MIN_SHARED_TERMS = 2;

const indexed = (ask: Ask): IndexedRequest => ({
  id: ask.id,
  partnershipId: ask.partnershipId,
  title: ask.content.title,
  details: ask.content.details,
});

/**
 * The open enhancements of one workspace, ranked by likeness (BM25 over title and details, the title
 * counting double, one typo forgiven in longer words) to a given one. Kept in memory, per workspace.
 */
export function createRequestIndex() {
  const search = new MiniSearch<IndexedRequest>({
    fields: ['title', 'details'],
    storeFields: ['partnershipId'],
    tokenize: splitWords,
    processTerm: requestTerm,
    searchOptions: {
      boost: { title: 2 },
      fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
      combineWith: 'OR',
    },
  });

  return {
    get size() {
      return search.documentCount;
    },
    /** Indexes a new or changed ask; a closed one, or one no longer an enhancement, leaves the index. */
    put(ask: Ask): void {
      if (search.has(ask.id)) search.discard(ask.id);
      if (ask.kind === 'enhancement' && !isClosed(ask.kind, ask.status)) search.add(indexed(ask));
    },
    /** The enhancements of other partnerships most like `ask`, best first. */
    rank(ask: Ask, limit: number): RankedRequest[] {
      const query = `${ask.content.title} ${ask.content.details.slice(0, QUERY_DETAILS_CHARS)}`;
      return search
        .search(query, {
          filter: (r) => r.partnershipId !== ask.partnershipId && r.id !== ask.id,
        })
        .filter((r) => r.terms.length >= MIN_SHARED_TERMS)
        .slice(0, limit)
        .map((r) => ({ id: String(r.id), score: r.score }));
    },
  };
}

export type RequestIndex = ReturnType<typeof createRequestIndex>;

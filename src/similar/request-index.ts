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

/**
 * A query is the asked enhancement's most distinctive terms ("more like this"): the rarest in the index,
 * which carry the ranking, while common ones cost time on every document that has them and add little.
 */
const QUERY_TERMS = 12;
/** Fewer shared terms than this is a coincidence of vocabulary, not the same request. */
const MIN_SHARED_TERMS = 2;

const termsOf = (text: string): string[] => [
  ...new Set(splitWords(text).flatMap((word) => requestTerm(word) ?? [])),
];

const indexed = (ask: Ask): IndexedRequest => ({
  id: ask.id,
  partnershipId: ask.partnershipId,
  title: ask.content.title,
  details: ask.content.details,
});

/**
 * The open enhancements of one workspace, ranked by likeness (BM25 over title and details, the title
 * counting double) to a given one. Kept in memory, per workspace, with how many enhancements use each term.
 */
export function createRequestIndex() {
  const search = new MiniSearch<IndexedRequest>({
    fields: ['title', 'details'],
    storeFields: ['partnershipId'],
    tokenize: splitWords,
    processTerm: requestTerm,
    searchOptions: { boost: { title: 2 }, combineWith: 'OR' },
  });
  const termsById = new Map<string, string[]>();
  const documentsWith = new Map<string, number>();
  const count = (terms: string[], by: number) => {
    for (const term of terms) documentsWith.set(term, (documentsWith.get(term) ?? 0) + by);
  };

  function remove(id: string): void {
    const terms = termsById.get(id);
    if (!terms) return;
    search.discard(id);
    count(terms, -1);
    termsById.delete(id);
  }

  return {
    get size() {
      return search.documentCount;
    },
    /** Indexes a new or changed ask; a closed one, or one no longer an enhancement, leaves the index. */
    put(ask: Ask): void {
      remove(ask.id);
      if (ask.kind !== 'enhancement' || isClosed(ask.kind, ask.status)) return;
      const document = indexed(ask);
      const terms = termsOf(`${document.title} ${document.details}`);
      search.add(document);
      termsById.set(ask.id, terms);
      count(terms, 1);
    },
    /** The enhancements of other partnerships most like `ask`, best first. */
    rank(ask: Ask, limit: number): RankedRequest[] {
      const title = termsOf(ask.content.title);
      const details = termsOf(ask.content.details);
      const kept = new Set(
        [...new Set([...title, ...details])]
          .filter((term) => documentsWith.has(term))
          .sort((a, b) => (documentsWith.get(a) ?? 0) - (documentsWith.get(b) ?? 0))
          .slice(0, QUERY_TERMS),
      );
      // A term of both the title and the details is asked twice: it says most about the request.
      const query = [...title, ...details].filter((term) => kept.has(term));
      return search
        .search(query.join(' '), {
          // The terms are processed already.
          tokenize: (text) => text.split(' '),
          processTerm: (term) => term,
          filter: (r) => r.partnershipId !== ask.partnershipId && r.id !== ask.id,
        })
        .filter((r) => r.terms.length >= MIN_SHARED_TERMS)
        .slice(0, limit)
        .map((r) => ({ id: String(r.id), score: r.score }));
    },
  };
}

export type RequestIndex = ReturnType<typeof createRequestIndex>;

import { collectionSpecNamed } from '../store/collections.js';
import type { DocumentCollection, DocumentDatabase, StoredDocument } from '../store/documents.js';

export type OpenCollection = (name: string) => Promise<DocumentCollection<StoredDocument>>;

/**
 * Opens a store's collections by name, each once and with its indexes (opening one creates or checks
 * them, which a command reading or writing page after page need do only once).
 */
export function collectionOpener(db: DocumentDatabase): OpenCollection {
  const opened = new Map<string, Promise<DocumentCollection<StoredDocument>>>();
  return (name) => {
    const spec = collectionSpecNamed(name);
    if (spec === null) throw new Error(`${name} is not a collection of this version of Rapport`);
    let collection = opened.get(name);
    if (collection === undefined) {
      collection = db.collection<StoredDocument>(spec);
      opened.set(name, collection);
    }
    return collection;
  };
}

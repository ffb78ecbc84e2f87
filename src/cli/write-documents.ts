import { collectionSpecNamed } from '../store/collections.js';
import type { DocumentDatabase } from '../store/documents.js';
import { CliError } from './cli-error.js';
import type { Entry } from './json-lines.js';
import type { OpenCollection } from './open-collections.js';
import type { Progress } from './progress.js';

/** Refuses a store that holds any document: moving data never merges into, or overwrites, another's. */
export async function assertEmpty(db: DocumentDatabase, open: OpenCollection, where: string): Promise<void> {
  for (const name of await db.collectionNames()) {
    // A collection this version does not use is not opened; that it is there at all is enough.
    if (collectionSpecNamed(name) === null || (await (await open(name)).count({})) > 0) {
      throw new CliError(
        `${where} is not empty (collection ${name} holds documents): ` +
          'data is moved only into an empty store, never merged into one.',
      );
    }
  }
}

/** Inserts every entry as it is; a document already there (a duplicate _id or unique key) is an error. */
export async function writeDocuments(
  open: OpenCollection,
  entries: AsyncIterable<Entry>,
  progress: Progress,
): Promise<void> {
  for await (const { collection, document } of entries) {
    if ((await (await open(collection)).insertOne(document)) === 'duplicate') {
      throw new Error(`${collection} ${document._id}: already stored (a duplicate _id or unique key)`);
    }
    progress.count(collection);
  }
}

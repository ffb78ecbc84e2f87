import { collectionSpecNamed, isWorkspaceKey, workspacePrefix } from '../store/collections.js';
import type { DocumentDatabase } from '../store/documents.js';
import { installationCollection } from '../store/repositories/installation-repository.js';
import { CliError } from './cli-error.js';
import type { Entry } from './json-lines.js';
import type { OpenCollection } from './open-collections.js';

/** A collection to read, and which of its documents. */
export interface Selection {
  name: string;
  keep(document: Entry['document']): boolean;
}

const everything = () => true;

/**
 * The collections of this version of Rapport that the store holds, or only those of some installed
 * workspaces (their collections and their installations). Others (left by an older version) are named
 * through `skipped`.
 */
export async function selectCollections(
  db: DocumentDatabase,
  workspaces: string[],
  skipped: (name: string) => void,
): Promise<Selection[]> {
  const invalid = workspaces.find((key) => !isWorkspaceKey(key));
  if (invalid !== undefined) throw new CliError(`--workspace ${invalid}: not a workspace (T… or E…)`, 2);
  const names = (await db.collectionNames()).filter((name) => {
    if (collectionSpecNamed(name) !== null) return true;
    skipped(name);
    return false;
  });
  if (workspaces.length === 0) return names.map((name) => ({ name, keep: everything }));
  return names.flatMap((name): Selection[] => {
    if (name === installationCollection.name) return [{ name, keep: (d) => workspaces.includes(d._id) }];
    return workspaces.some((key) => name.startsWith(workspacePrefix(key)))
      ? [{ name, keep: everything }]
      : [];
  });
}

const PAGE = 2000;

/** The selected documents, collection by collection, in _id order, read a page at a time. */
export async function* readDocuments(open: OpenCollection, selections: Selection[]): AsyncGenerator<Entry> {
  for (const { name, keep } of selections) {
    const collection = await open(name);
    let after: string | null = null;
    for (;;) {
      const page = await collection.find(after === null ? {} : { _id: { $gt: after } }, {
        sort: { _id: 1 },
        limit: PAGE,
      });
      for (const document of page) if (keep(document)) yield { collection: name, document };
      const last = page.at(-1);
      if (page.length < PAGE || last === undefined) break;
      after = last._id;
    }
  }
}

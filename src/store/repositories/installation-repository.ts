import type { CollectionSpec, DocumentCollection } from '../documents.js';

/**
 * One Slack installation as stored: who installed (a workspace, or an Enterprise Grid org) and the
 * installation itself, sealed (tokens encrypted). `key` is `T<team id>` or `E<enterprise id>`.
 */
export interface StoredInstallation {
  key: string;
  teamId: string | null;
  enterpriseId: string | null;
  sealed: string;
  installedAt: Date;
  updatedAt: Date;
}

export interface InstallationRepository {
  /** Creates or replaces; keeps the first installation time. */
  save(installation: Omit<StoredInstallation, 'installedAt'>): Promise<void>;
  find(key: string): Promise<StoredInstallation | null>;
  /** Resolves to whether there was one to delete. */
  remove(key: string): Promise<boolean>;
  list(): Promise<StoredInstallation[]>;
}

export type InstallationDocument = Omit<StoredInstallation, 'key'> & { _id: string };

export const installationCollection: CollectionSpec = { name: 'installations', indexes: [] };

const fromDocument = ({ _id, ...rest }: InstallationDocument): StoredInstallation => ({ key: _id, ...rest });

export function installationRepository(
  collection: DocumentCollection<InstallationDocument>,
): InstallationRepository {
  return {
    async save({ key, ...fields }) {
      const existing = await collection.findOne({ _id: key });
      const installedAt = existing?.installedAt ?? fields.updatedAt;
      const doc: InstallationDocument = { _id: key, ...fields, installedAt };
      if (existing) await collection.replaceOne({ _id: key }, doc);
      else if ((await collection.insertOne(doc)) === 'duplicate')
        await collection.replaceOne({ _id: key }, doc);
    },
    async find(key) {
      const doc = await collection.findOne({ _id: key });
      return doc ? fromDocument(doc) : null;
    },
    async remove(key) {
      return (await collection.deleteMany({ _id: key })) > 0;
    },
    async list() {
      return (await collection.find({}, { sort: { installedAt: 1 } })).map(fromDocument);
    },
  };
}

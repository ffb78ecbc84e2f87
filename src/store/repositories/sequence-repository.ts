import type { SequenceRepository } from '../../domain/ports.js';
import type { CollectionSpec, DocumentCollection } from '../documents.js';

export interface SequenceDocument {
  _id: string;
  value: number;
}

export const sequenceCollection: CollectionSpec = { name: 'sequences', indexes: [] };

export function sequenceRepository(collection: DocumentCollection<SequenceDocument>): SequenceRepository {
  return {
    async next(name) {
      const doc = await collection.upsertAndGet({ _id: name }, { $inc: { value: 1 } });
      return doc.value;
    },
  };
}

import type { Repositories } from '../domain/ports.js';
import type { DocumentDatabase } from './documents.js';
import { openEmbeddedDatabase } from './embedded/embedded-database.js';
import {
  type ApprovalDocument,
  approvalCollection,
  approvalRepository,
} from './repositories/approval-repository.js';
import { type AskDocument, askCollection, askRepository } from './repositories/ask-repository.js';
import { type DigestDocument, digestCollection, digestRepository } from './repositories/digest-repository.js';
import {
  type FeedbackDocument,
  feedbackCollection,
  feedbackRepository,
} from './repositories/feedback-repository.js';
import {
  type FollowUpDocument,
  followUpCollection,
  followUpRepository,
} from './repositories/follow-up-repository.js';
import {
  type InstallationDocument,
  type InstallationRepository,
  installationCollection,
  installationRepository,
} from './repositories/installation-repository.js';
import { type MarkerDocument, markerCollection, markerRepository } from './repositories/marker-repository.js';
import {
  type PartnershipDocument,
  partnershipCollection,
  partnershipRepository,
} from './repositories/partnership-repository.js';
import {
  type SequenceDocument,
  sequenceCollection,
  sequenceRepository,
} from './repositories/sequence-repository.js';
import {
  type StakeholderDocument,
  stakeholderCollection,
  stakeholderRepository,
} from './repositories/stakeholder-repository.js';
import {
  type TrackedMessageDocument,
  trackedMessageCollection,
  trackedMessageRepository,
} from './repositories/tracked-message-repository.js';

export interface Store extends Repositories {
  readonly kind: DocumentDatabase['kind'];
  /** Slack installations (OAuth distribution), their tokens sealed; not part of the domain. */
  installations: InstallationRepository;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type StoreLocation = { mongodbUri: string } | { dataDir: string };

/** MongoDB when a URI is given, otherwise the embedded store in a folder. Indexes are created here. */
export async function openStore(location: StoreLocation): Promise<Store> {
  const db =
    'mongodbUri' in location
      ? // Loaded only when used: the driver's bson alone allocates about 17 MB on import.
        await (await import('./mongo/mongo-database.js')).openMongoDatabase(location.mongodbUri)
      : await openEmbeddedDatabase(location.dataDir);
  try {
    return await buildStore(db);
  } catch (error) {
    await db.close();
    throw error;
  }
}

async function buildStore(db: DocumentDatabase): Promise<Store> {
  const [
    partnerships,
    asks,
    feedback,
    sequences,
    markers,
    followUps,
    trackedMessages,
    digests,
    approvals,
    stakeholders,
    installations,
  ] = await Promise.all([
    db.collection<PartnershipDocument>(partnershipCollection),
    db.collection<AskDocument>(askCollection),
    db.collection<FeedbackDocument>(feedbackCollection),
    db.collection<SequenceDocument>(sequenceCollection),
    db.collection<MarkerDocument>(markerCollection),
    db.collection<FollowUpDocument>(followUpCollection),
    db.collection<TrackedMessageDocument>(trackedMessageCollection),
    db.collection<DigestDocument>(digestCollection),
    db.collection<ApprovalDocument>(approvalCollection),
    db.collection<StakeholderDocument>(stakeholderCollection),
    db.collection<InstallationDocument>(installationCollection),
  ]);
  return {
    kind: db.kind,
    partnerships: partnershipRepository(partnerships),
    asks: askRepository(asks),
    feedback: feedbackRepository(feedback),
    sequences: sequenceRepository(sequences),
    markers: markerRepository(markers),
    followUps: followUpRepository(followUps),
    trackedMessages: trackedMessageRepository(trackedMessages),
    digests: digestRepository(digests),
    approvals: approvalRepository(approvals),
    stakeholders: stakeholderRepository(stakeholders),
    installations: installationRepository(installations),
    ping: () => db.ping(),
    close: () => db.close(),
  };
}

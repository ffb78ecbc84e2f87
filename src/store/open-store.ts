import type { Repositories } from '../domain/ports.js';
import { isWorkspaceKey, workspacePrefix } from './collections.js';
import type { CollectionSpec, DocumentDatabase } from './documents.js';
import { type EmbeddedOptions, openEmbeddedDatabase } from './embedded/embedded-database.js';
import {
  type AnnouncementDeliveryDocument,
  type AnnouncementDocument,
  announcementCollection,
  announcementDeliveryCollection,
  announcementDeliveryRepository,
  announcementRepository,
} from './repositories/announcement-repository.js';
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
  type IncidentUpdateDeliveryDocument,
  incidentRepository,
  incidentUpdateDeliveryCollection,
  incidentUpdateDeliveryRepository,
} from './repositories/incident-repository.js';
import {
  type InstallationDocument,
  type InstallationRepository,
  installationCollection,
  installationRepository,
} from './repositories/installation-repository.js';
import {
  type LimitCounterDocument,
  limitCounterCollection,
  limitCounterRepository,
} from './repositories/limit-counter-repository.js';
import { type MarkerDocument, markerCollection, markerRepository } from './repositories/marker-repository.js';
import { owedEffectsStore } from './repositories/owed-effects-store.js';
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
import {
  type TrackerConnectionDocument,
  trackerConnectionCollection,
  trackerConnectionRepository,
} from './repositories/tracker-connection-repository.js';
import {
  type WebhookCursorDocument,
  type WebhookDeliveryDocument,
  webhookCursorCollection,
  webhookDeliveryCollection,
  webhookDeliveryRepository,
} from './repositories/webhook-delivery-repository.js';
import {
  type WebhookEndpointDocument,
  webhookEndpointCollection,
  webhookEndpointRepository,
} from './repositories/webhook-endpoint-repository.js';

export interface Store extends Repositories {
  readonly kind: DocumentDatabase['kind'];
  /** Slack installations (OAuth distribution), their tokens sealed; not part of the domain. */
  installations: InstallationRepository;
  /**
   * The data of one installed workspace (distribution), in collections of its own (`workspace.<key>.*`):
   * a query can reach no other workspace's documents. The store's own repositories are those of the one
   * workspace of a single-workspace install.
   */
  workspace(key: string): Promise<Repositories>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type StoreLocation = { mongodbUri: string } | { dataDir: string };

/** MongoDB when a URI is given, otherwise the embedded store in a folder. Indexes are created here. */
export async function openStore(location: StoreLocation, options: EmbeddedOptions = {}): Promise<Store> {
  const db = await openDocumentDatabase(location, options);
  try {
    return await buildStore(db);
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** The document surface alone, without repositories (the command-line tool moves documents as they are). */
export async function openDocumentDatabase(
  location: StoreLocation,
  options: EmbeddedOptions = {},
): Promise<DocumentDatabase> {
  return 'mongodbUri' in location
    ? // Loaded only when used: the driver's bson alone allocates about 17 MB on import.
      (await import('./mongo/mongo-database.js')).openMongoDatabase(location.mongodbUri)
    : openEmbeddedDatabase(location.dataDir, options);
}

async function buildStore(db: DocumentDatabase): Promise<Store> {
  const [repositories, installations] = await Promise.all([
    buildRepositories(db, ''),
    db.collection<InstallationDocument>(installationCollection),
  ]);
  const workspaces = new Map<string, Promise<Repositories>>();
  return {
    kind: db.kind,
    ...repositories,
    installations: installationRepository(installations),
    workspace(key) {
      if (!isWorkspaceKey(key)) throw new Error(`not a workspace key: ${key}`);
      let found = workspaces.get(key);
      if (found === undefined) {
        found = buildRepositories(db, workspacePrefix(key));
        // A failure (the server away) is not remembered: the next request tries again.
        found.catch(() => workspaces.delete(key));
        workspaces.set(key, found);
      }
      return found;
    },
    ping: () => db.ping(),
    close: () => db.close(),
  };
}

/** The domain's repositories on collections named with `prefix` (their indexes created here). */
async function buildRepositories(db: DocumentDatabase, prefix: string): Promise<Repositories> {
  const named = (spec: CollectionSpec): CollectionSpec => ({ ...spec, name: `${prefix}${spec.name}` });
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
    limits,
    webhookEndpoints,
    webhookDeliveries,
    webhookCursors,
    announcements,
    announcementDeliveries,
    incidentUpdateDeliveries,
    trackerConnections,
  ] = await Promise.all([
    db.collection<PartnershipDocument>(named(partnershipCollection)),
    db.collection<AskDocument>(named(askCollection)),
    db.collection<FeedbackDocument>(named(feedbackCollection)),
    db.collection<SequenceDocument>(named(sequenceCollection)),
    db.collection<MarkerDocument>(named(markerCollection)),
    db.collection<FollowUpDocument>(named(followUpCollection)),
    db.collection<TrackedMessageDocument>(named(trackedMessageCollection)),
    db.collection<DigestDocument>(named(digestCollection)),
    db.collection<ApprovalDocument>(named(approvalCollection)),
    db.collection<StakeholderDocument>(named(stakeholderCollection)),
    db.collection<LimitCounterDocument>(named(limitCounterCollection)),
    db.collection<WebhookEndpointDocument>(named(webhookEndpointCollection)),
    db.collection<WebhookDeliveryDocument>(named(webhookDeliveryCollection)),
    db.collection<WebhookCursorDocument>(named(webhookCursorCollection)),
    db.collection<AnnouncementDocument>(named(announcementCollection)),
    db.collection<AnnouncementDeliveryDocument>(named(announcementDeliveryCollection)),
    db.collection<IncidentUpdateDeliveryDocument>(named(incidentUpdateDeliveryCollection)),
    db.collection<TrackerConnectionDocument>(named(trackerConnectionCollection)),
  ]);
  return {
    partnerships: partnershipRepository(partnerships),
    asks: askRepository(asks),
    feedback: feedbackRepository(feedback),
    sequences: sequenceRepository(sequences),
    markers: markerRepository(markers),
    limits: limitCounterRepository(limits),
    followUps: followUpRepository(followUps),
    trackedMessages: trackedMessageRepository(trackedMessages),
    digests: digestRepository(digests),
    approvals: approvalRepository(approvals),
    stakeholders: stakeholderRepository(stakeholders),
    askEffects: owedEffectsStore(asks),
    approvalEffects: owedEffectsStore(approvals),
    webhookEndpoints: webhookEndpointRepository(webhookEndpoints),
    webhookDeliveries: webhookDeliveryRepository(webhookDeliveries, webhookCursors),
    announcements: announcementRepository(announcements),
    announcementDeliveries: announcementDeliveryRepository(announcementDeliveries),
    incidents: incidentRepository(announcements),
    incidentUpdateDeliveries: incidentUpdateDeliveryRepository(incidentUpdateDeliveries),
    trackerConnections: trackerConnectionRepository(trackerConnections),
  };
}

import type { CollectionSpec } from './documents.js';
import {
  announcementCollection,
  announcementDeliveryCollection,
} from './repositories/announcement-repository.js';
import { approvalCollection } from './repositories/approval-repository.js';
import { askCollection } from './repositories/ask-repository.js';
import { digestCollection } from './repositories/digest-repository.js';
import { feedbackCollection } from './repositories/feedback-repository.js';
import { followUpCollection } from './repositories/follow-up-repository.js';
import { incidentUpdateDeliveryCollection } from './repositories/incident-repository.js';
import { installationCollection } from './repositories/installation-repository.js';
import { limitCounterCollection } from './repositories/limit-counter-repository.js';
import { markerCollection } from './repositories/marker-repository.js';
import { partnershipCollection } from './repositories/partnership-repository.js';
import { sequenceCollection } from './repositories/sequence-repository.js';
import { stakeholderCollection } from './repositories/stakeholder-repository.js';
import { trackedMessageCollection } from './repositories/tracked-message-repository.js';
import { trackerConnectionCollection } from './repositories/tracker-connection-repository.js';
import {
  webhookCursorCollection,
  webhookDeliveryCollection,
} from './repositories/webhook-delivery-repository.js';
import { webhookEndpointCollection } from './repositories/webhook-endpoint-repository.js';

/** The collections of one workspace's repositories (unprefixed for a single-token deployment). */
export const repositoryCollections: readonly CollectionSpec[] = [
  partnershipCollection,
  askCollection,
  feedbackCollection,
  sequenceCollection,
  markerCollection,
  followUpCollection,
  trackedMessageCollection,
  digestCollection,
  approvalCollection,
  stakeholderCollection,
  limitCounterCollection,
  webhookEndpointCollection,
  webhookDeliveryCollection,
  webhookCursorCollection,
  announcementCollection,
  announcementDeliveryCollection,
  incidentUpdateDeliveryCollection,
  trackerConnectionCollection,
];

/** `T<team id>` or `E<enterprise id>`: also part of collection names, so nothing else may pass. */
export const isWorkspaceKey = (key: string): boolean => /^[TE][A-Z0-9]+$/.test(key);

/** An installed workspace's collections are its repositories' collections named with this prefix. */
export const workspacePrefix = (key: string): string => `workspace.${key}.`;

/**
 * The spec (name and indexes) of a collection the store holds, found by its name, so a copy of it gets
 * the same indexes; null for a name no repository of this version uses (left by an older one).
 */
export function collectionSpecNamed(name: string): CollectionSpec | null {
  if (name === installationCollection.name) return installationCollection;
  const match = /^workspace\.([^.]+)\.(.+)$/.exec(name);
  const [key, base] = match ? [match[1] as string, match[2] as string] : [null, name];
  if (key !== null && !isWorkspaceKey(key)) return null;
  const spec = repositoryCollections.find((s) => s.name === base);
  return spec ? { ...spec, name } : null;
}

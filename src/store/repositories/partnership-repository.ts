import {
  DEFAULT_ESCALATION,
  DEFAULT_REACTIONS,
  DEFAULT_SLA,
  type Partnership,
} from '../../domain/partnerships/partnership.js';
import {
  type CommunicationPlan,
  PLAN_PURPOSES,
  type PlanContacts,
} from '../../domain/plan/communication-plan.js';
import type { PartnershipRepository } from '../../domain/ports.js';
import type { TrackerSettings } from '../../domain/trackers/tracker.js';
import type { CollectionSpec, DocumentCollection } from '../documents.js';
import { findOneAs, replaceIfVersion } from './versioned.js';

/** Stored shape of a partnership; mapped explicitly so renaming a domain field never silently changes storage. */
export interface PartnershipDocument {
  _id: string;
  channelId: string;
  accountName: string;
  refPrefix: string;
  ownerId: string;
  backupOwnerId: string | null;
  contacts: { userId: string; role: string }[];
  timeZone: string;
  businessHours: {
    days: number[];
    start: string;
    end: string;
    dailyBreak?: { start: string; end: string } | null;
    holidays?: string[];
  };
  triageChannelId: string | null;
  reactions?: { help: string; enhancement: string };
  sla?: { firstResponse: Record<string, number>; updateEvery: number; resolution: number };
  escalation?: { backupAfterNags: number; finalAfterNags: number; userId: string | null };
  welcomeMessageTs: string | null;
  lastCustomerMessageAt?: Date | null;
  digest?: { cron: string; timeZone: string } | null;
  digestNextAt?: Date | null;
  plan?: PlanDocument | null;
  planMessageTs?: string | null;
  trackers?: TrackerSettings;
  tags?: string[];
  createdBy: string;
  createdAt: Date;
  updatedBy: string;
  updatedAt: Date;
  version: number;
}

/** Stored shape of a communication plan: per purpose, the vendor-side and customer-side user ids. */
export interface PlanDocument {
  contacts: Record<string, { vendor: string | null; customer: string | null }>;
  meetingCadence: string;
  shared: string;
  updatedBy: string;
  updatedAt: Date;
}

export const partnershipCollection: CollectionSpec = {
  name: 'partnerships',
  indexes: [
    { fields: ['channelId'], unique: true },
    { fields: ['ownerId', 'accountName'] },
    { fields: ['digestNextAt'] },
  ],
};

export function toPartnershipDocument(p: Partnership): PartnershipDocument {
  return {
    _id: p.id,
    channelId: p.channelId,
    accountName: p.accountName,
    refPrefix: p.refPrefix,
    ownerId: p.ownerId,
    backupOwnerId: p.backupOwnerId,
    contacts: p.contacts.map((c) => ({ userId: c.userId, role: c.role })),
    timeZone: p.timeZone,
    businessHours: {
      days: [...p.businessHours.days],
      start: p.businessHours.start,
      end: p.businessHours.end,
      dailyBreak: p.businessHours.dailyBreak ? { ...p.businessHours.dailyBreak } : null,
      holidays: [...p.businessHours.holidays],
    },
    triageChannelId: p.triageChannelId,
    reactions: { ...p.reactions },
    sla: { ...p.sla, firstResponse: { ...p.sla.firstResponse } },
    escalation: { ...p.escalation },
    welcomeMessageTs: p.welcomeMessageTs,
    lastCustomerMessageAt: p.lastCustomerMessageAt,
    digest: p.digest ? { ...p.digest } : null,
    digestNextAt: p.digestNextAt,
    plan: p.plan ? toPlanDocument(p.plan) : null,
    planMessageTs: p.planMessageTs,
    trackers: structuredClone(p.trackers),
    tags: [...p.tags],
    createdBy: p.createdBy,
    createdAt: p.createdAt,
    updatedBy: p.updatedBy,
    updatedAt: p.updatedAt,
    version: p.version,
  };
}

export function fromPartnershipDocument(d: PartnershipDocument): Partnership {
  return {
    id: d._id,
    channelId: d.channelId,
    accountName: d.accountName,
    refPrefix: d.refPrefix,
    ownerId: d.ownerId,
    backupOwnerId: d.backupOwnerId,
    contacts: d.contacts.map((c) => ({
      userId: c.userId,
      role: c.role as Partnership['contacts'][number]['role'],
    })),
    timeZone: d.timeZone,
    businessHours: {
      days: d.businessHours.days as Partnership['businessHours']['days'],
      start: d.businessHours.start,
      end: d.businessHours.end,
      dailyBreak: d.businessHours.dailyBreak ? { ...d.businessHours.dailyBreak } : null,
      holidays: [...(d.businessHours.holidays ?? [])],
    },
    triageChannelId: d.triageChannelId,
    // Partnerships saved before reactions were configurable use the defaults.
    reactions: d.reactions ? { ...d.reactions } : { ...DEFAULT_REACTIONS },
    // Likewise for partnerships saved before response targets existed.
    sla: d.sla
      ? { ...d.sla, firstResponse: { ...DEFAULT_SLA.firstResponse, ...d.sla.firstResponse } }
      : { ...DEFAULT_SLA, firstResponse: { ...DEFAULT_SLA.firstResponse } },
    escalation: d.escalation ? { ...d.escalation } : { ...DEFAULT_ESCALATION },
    welcomeMessageTs: d.welcomeMessageTs,
    lastCustomerMessageAt: d.lastCustomerMessageAt ?? null,
    // Partnerships saved before digests existed get none until their setup is saved again.
    digest: d.digest ? { ...d.digest } : null,
    digestNextAt: d.digestNextAt ?? null,
    // Partnerships saved before communication plans existed have none yet.
    plan: d.plan ? fromPlanDocument(d.plan) : null,
    planMessageTs: d.planMessageTs ?? null,
    // Partnerships saved before trackers existed send nowhere. The document read is the caller's own.
    trackers: d.trackers ?? {},
    // Partnerships saved before tags existed have none.
    tags: [...(d.tags ?? [])],
    createdBy: d.createdBy,
    createdAt: d.createdAt,
    updatedBy: d.updatedBy,
    updatedAt: d.updatedAt,
    version: d.version,
  };
}

function toPlanDocument(plan: CommunicationPlan): PlanDocument {
  return {
    contacts: Object.fromEntries(PLAN_PURPOSES.map((purpose) => [purpose, { ...plan.contacts[purpose] }])),
    meetingCadence: plan.meetingCadence,
    shared: plan.shared,
    updatedBy: plan.updatedBy,
    updatedAt: plan.updatedAt,
  };
}

/** A purpose missing from the document (stored before it existed) has nobody named. */
function fromPlanDocument(d: PlanDocument): CommunicationPlan {
  const contacts = Object.fromEntries(
    PLAN_PURPOSES.map((purpose) => {
      const slot = d.contacts[purpose];
      return [purpose, { vendor: slot?.vendor ?? null, customer: slot?.customer ?? null }];
    }),
  ) as PlanContacts;
  return {
    contacts,
    meetingCadence: d.meetingCadence,
    shared: d.shared,
    updatedBy: d.updatedBy,
    updatedAt: d.updatedAt,
  };
}

export function partnershipRepository(
  collection: DocumentCollection<PartnershipDocument>,
): PartnershipRepository {
  const one = findOneAs(collection, fromPartnershipDocument);
  return {
    findByChannel: (channelId) => one({ channelId }),
    findById: (id) => one({ _id: id }),
    async listByOwner(userId) {
      const docs = await collection.find({ ownerId: userId }, { sort: { accountName: 1 } });
      return docs.map(fromPartnershipDocument);
    },
    insert: (partnership) => collection.insertOne(toPartnershipDocument(partnership)),
    replace: (partnership, expectedVersion) =>
      replaceIfVersion(collection, toPartnershipDocument(partnership), expectedVersion),
    async recordWelcomeMessage(id, ts) {
      await collection.updateOne({ _id: id }, { $set: { welcomeMessageTs: ts } });
    },
    async recordCustomerMessage(id, at) {
      await collection.updateOne({ _id: id }, { $set: { lastCustomerMessageAt: at } });
    },
    async listDigestDue(now, limit) {
      // The lower bound keeps partnerships without a schedule (null) out, as for follow-ups.
      const docs = await collection.find(
        { digestNextAt: { $gte: new Date(0), $lte: now } },
        { sort: { digestNextAt: 1 }, limit },
      );
      return docs.map(fromPartnershipDocument);
    },
    async advanceDigest(id, from, to) {
      return (
        (await collection.updateOne({ _id: id, digestNextAt: from }, { $set: { digestNextAt: to } })) === 1
      );
    },
    async savePlan(id, plan, expectedVersion) {
      const matched = await collection.updateOne(
        { _id: id, version: expectedVersion },
        { $set: { plan: toPlanDocument(plan) }, $inc: { version: 1 } },
      );
      return matched === 1 ? 'saved' : 'conflict';
    },
    async listAll() {
      // Every document is read anyway: sorted here rather than by an index kept for this alone.
      const docs = await collection.find({}, { sort: { _id: 1 } });
      return docs.map(fromPartnershipDocument).sort((a, b) => a.accountName.localeCompare(b.accountName));
    },
    async recordPlanMessage(id, ts) {
      await collection.updateOne({ _id: id }, { $set: { planMessageTs: ts } });
    },
  };
}

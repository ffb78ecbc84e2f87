import type { Actor } from '../actors.js';
import type { Partnership } from '../partnerships/partnership.js';
import type { AskRepository, Clock, MarkerRepository, SequenceRepository } from '../ports.js';
import { fail, ok, type Result } from '../result.js';
import { isTrackedKind, NO_TRACKER } from '../trackers/tracker.js';
import type { Ask, AskContent, AskKind } from './ask.js';
import { LIFECYCLES } from './lifecycle.js';
import { type AskTextField, oversizeAskFields } from './text-limits.js';

export interface CreateAskDeps {
  asks: AskRepository;
  sequences: SequenceRepository;
  markers: MarkerRepository;
  clock: Clock;
  newId: () => string;
}

export interface CreateAskRequest {
  actor: Actor;
  partnership: Partnership;
  kind: AskKind;
  content: AskContent;
  /** For vendor asks: the customer contact who owes the answer. */
  contactId: string | null;
  source: { channelId: string; messageTs: string } | null;
  /**
   * Names the request when it can come again unchanged (a form sent again after "try again"): it becomes
   * the ask's id, so a second sending finds the first one's ask instead of making another.
   */
  requestId?: string;
}

export type CreateAskError =
  | { code: 'forbidden'; message: string }
  | { code: 'invalid'; fields: Partial<Record<'contactId' | AskTextField, string>> }
  | { code: 'already_raised'; ask: Ask | null };

/** Who will own the ask, or why it cannot be created. */
function ownerOrRefusal(request: CreateAskRequest): Result<string, CreateAskError> {
  const { actor, partnership, kind, content } = request;
  if (kind === 'vendor' && actor.side !== 'vendor') {
    return fail({
      code: 'forbidden',
      message: 'Only people at the vendor can ask the customer for something.',
    });
  }
  if (content.title.trim() === '')
    return fail({ code: 'invalid', fields: { title: 'Give it a short title.' } });
  const oversize = oversizeAskFields(content);
  if (Object.keys(oversize).length > 0) return fail({ code: 'invalid', fields: oversize });
  const ownerId = kind === 'vendor' ? request.contactId : partnership.ownerId;
  if (ownerId === null || (kind === 'vendor' && !partnership.contacts.some((c) => c.userId === ownerId))) {
    return fail({
      code: 'invalid',
      fields: { contactId: 'Choose one of the customer contacts of this partnership.' },
    });
  }
  return ok(ownerId);
}

/**
 * Records a new ask with the partnership's next reference number. A message can be raised only
 * once: its source is claimed before a number is taken, so a duplicate never uses up a number. A request
 * sent again (same `requestId`) gets the ask it made the first time; only when its first insert lands
 * while the second is under way does the second use up a number for nothing (a gap, never a second ask).
 */
export async function createAsk(
  deps: CreateAskDeps,
  request: CreateAskRequest,
): Promise<Result<Ask, CreateAskError>> {
  const owner = ownerOrRefusal(request);
  if (!owner.ok) return owner;
  const { actor, partnership, kind, content, source, requestId } = request;
  const earlier = requestId === undefined ? null : await deps.asks.findById(requestId);
  if (earlier) return ok(earlier);
  const now = deps.clock.now();
  if (
    source &&
    !(await deps.markers.claim(`ask-source:${source.channelId}:${source.messageTs}`, now, null))
  ) {
    return fail({
      code: 'already_raised',
      ask: await deps.asks.findBySource(source.channelId, source.messageTs),
    });
  }
  const number = await deps.sequences.next(`asks:${partnership.id}`);
  const status = LIFECYCLES[kind].initial;
  const ask: Ask = {
    id: requestId ?? deps.newId(),
    partnershipId: partnership.id,
    channelId: partnership.channelId,
    number,
    ref: `${partnership.refPrefix}-${number}`,
    kind,
    content,
    requester: actor,
    ownerId: owner.value,
    status,
    linkedTo: null,
    notSameAs: [],
    voters: [],
    promisedDate: null,
    source,
    card: null,
    mirror: null,
    history: [{ at: now, by: actor, action: 'created', from: null, to: status, note: null }],
    threadReplies: null,
    internalNotes: [],
    // A partnership that sends this kind when raised wants its issue from the start.
    tracker: autoSends(partnership, kind) ? { ...NO_TRACKER, requested: { at: now, by: actor } } : null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  if ((await deps.asks.insert(ask)) === 'inserted') return ok(ask);
  const landed = requestId === undefined ? null : await deps.asks.findById(requestId);
  if (landed) return ok(landed);
  throw new Error(`ask number ${ask.ref} was handed out twice`);
}

const autoSends = (partnership: Partnership, kind: AskKind) =>
  isTrackedKind(kind) && partnership.trackers[kind]?.autoSend === true;

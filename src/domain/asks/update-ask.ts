import type { Actor } from '../actors.js';
import type { AskRepository, Clock, Directory } from '../ports.js';
import { fail, ok, type Result } from '../result.js';
import { applyChange } from './apply-change.js';
import type { Ask, AskStatus, HistoryEntry } from './ask.js';
import { nextStatuses, STATUS_LABELS } from './lifecycle.js';
import { NOTE_MAX, tooLong } from './text-limits.js';

export interface UpdateAskRequest {
  actor: Actor;
  askId: string;
  status: AskStatus;
  /** Shown to the customer with the change. */
  note: string | null;
  /** Vendor-only; never shown in the shared channel. */
  internalNote: string | null;
  promisedDate: string | null;
  /** A new owner (reassignment), or null to keep the current one. */
  ownerId: string | null;
}

export type UpdateAskField = 'status' | 'note' | 'internalNote' | 'promisedDate' | 'ownerId';
export type UpdateAskError =
  | { code: 'not_found' }
  | { code: 'forbidden'; message: string }
  | { code: 'invalid'; fields: Partial<Record<UpdateAskField, string>> };

export interface AskChange {
  ask: Ask;
  /** The entries this update added to the history, in order. */
  entries: HistoryEntry[];
}

/** Who may change an ask's status, owner or promise: the vendor side, and for vendor asks the contact who owes it. */
export function canManage(actor: Actor, ask: Ask): boolean {
  return actor.side === 'vendor' || (ask.kind === 'vendor' && actor.userId === ask.ownerId);
}

/**
 * Applies a status change with its notes and promised date. Re-reads and re-checks on a concurrent
 * edit, so two people updating at once never lose a change nor apply an illegal transition.
 */
export async function updateAsk(
  deps: { asks: AskRepository; clock: Clock; directory: Directory },
  request: UpdateAskRequest,
): Promise<Result<AskChange, UpdateAskError>> {
  if (request.ownerId !== null && (await deps.directory.sideOfUser(request.ownerId)) !== 'vendor') {
    return fail({ code: 'invalid', fields: { ownerId: 'The owner must be someone at your company.' } });
  }
  const result = await applyChange<UpdateAskError>(deps, request.askId, (ask, now) =>
    apply(ask, request, now),
  );
  return result.ok ? ok({ ask: result.value.ask, entries: result.value.entries }) : result;
}

function apply(ask: Ask, request: UpdateAskRequest, now: Date): Result<Ask, UpdateAskError> {
  const { actor, status, note, internalNote, promisedDate } = request;
  const ownerChanged = request.ownerId !== null && request.ownerId !== ask.ownerId;
  if (!canManage(actor, ask)) {
    return fail({
      code: 'forbidden',
      message: 'Only people at the vendor can change the status of this request.',
    });
  }
  const fields: Partial<Record<UpdateAskField, string>> = {};
  const statusChanged = status !== ask.status;
  if (statusChanged && !nextStatuses(ask.kind, ask.status).includes(status)) {
    fields.status = `${ask.ref} can’t go from ${STATUS_LABELS[ask.status]} to ${STATUS_LABELS[status]}.`;
  }
  if (status === 'declined' && statusChanged && !note) fields.note = 'Tell the customer why it is declined.';
  if (status === 'planned' && !(promisedDate ?? ask.promisedDate))
    fields.promisedDate = 'Planned work needs a promised date.';
  if (internalNote && actor.side !== 'vendor')
    fields.internalNote = 'Internal notes are for the vendor team only.';
  if ((note?.length ?? 0) > NOTE_MAX) fields.note = tooLong(NOTE_MAX);
  if ((internalNote?.length ?? 0) > NOTE_MAX) fields.internalNote ??= tooLong(NOTE_MAX);
  const promiseChanged = promisedDate !== null && promisedDate !== ask.promisedDate;
  if (ownerChanged && (actor.side !== 'vendor' || ask.kind === 'vendor')) {
    fields.ownerId = 'Only the vendor team reassigns, and a request to the customer stays with its contact.';
  }
  if (!statusChanged && !promiseChanged && !ownerChanged && !note && !internalNote)
    fields.status = 'Nothing to change: pick a new status or add a note.';
  if (Object.keys(fields).length > 0) return fail({ code: 'invalid', fields });

  const entries: HistoryEntry[] = [];
  const entry = (action: HistoryEntry['action'], from: string | null, to: string | null, n: string | null) =>
    entries.push({ at: now, by: actor, action, from, to, note: n });
  if (statusChanged) entry('status', ask.status, status, note);
  else if (note) entry('note', null, null, note);
  if (promiseChanged) entry('promised_date', ask.promisedDate, promisedDate, null);
  if (ownerChanged) entry('owner', ask.ownerId, request.ownerId, null);
  return ok({
    ...ask,
    status,
    promisedDate: promiseChanged ? promisedDate : ask.promisedDate,
    ownerId: ownerChanged ? (request.ownerId as string) : ask.ownerId,
    history: [...ask.history, ...entries],
    internalNotes: internalNote
      ? [...ask.internalNotes, { at: now, by: actor, text: internalNote }]
      : ask.internalNotes,
    updatedAt: now,
  });
}

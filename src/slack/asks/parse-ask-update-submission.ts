import { z } from 'zod';
import type { AskStatus } from '../../domain/asks/ask.js';
import { STATUS_LABELS } from '../../domain/asks/lifecycle.js';
import type { UpdateAskRequest } from '../../domain/asks/update-ask.js';
import { INPUT } from '../shared/ids.js';
import { parseMetadata } from '../shared/json-metadata.js';
import { element, viewStateValues } from '../shared/view-state.js';
import { UPDATE_BLOCKS } from './ids.js';

const metadataSchema = z.object({ askId: z.string().min(1) });

/** The form gives everything of an update request except who makes it. */
export type ParsedAskUpdate = ({ ok: true } & Omit<UpdateAskRequest, 'actor'>) | { ok: 'malformed' };

export function parseAskUpdateSubmission(privateMetadata: string, rawValues: unknown): ParsedAskUpdate {
  const values = viewStateValues.safeParse(rawValues);
  const metadata = parseMetadata(privateMetadata, metadataSchema);
  if (!values.success || metadata === null) return { ok: 'malformed' };
  const read = (blockId: string) => element(values.data, blockId, INPUT);
  const status = read(UPDATE_BLOCKS.status).selected_option?.value;
  if (!status || !Object.hasOwn(STATUS_LABELS, status)) return { ok: 'malformed' };
  return {
    ok: true,
    askId: metadata.askId,
    status: status as AskStatus,
    note: read(UPDATE_BLOCKS.note).value?.trim() || null,
    internalNote: read(UPDATE_BLOCKS.internalNote).value?.trim() || null,
    promisedDate: read(UPDATE_BLOCKS.promisedDate).selected_date ?? null,
    ownerId: read(UPDATE_BLOCKS.ownerId).selected_user ?? null,
  };
}

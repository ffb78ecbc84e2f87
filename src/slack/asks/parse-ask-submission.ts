import { z } from 'zod';
import { ASK_KINDS, type AskContent, type AskKind, URGENCIES, type Urgency } from '../../domain/asks/ask.js';
import type { BlockErrors } from '../setup/parse-setup-submission.js';
import { INPUT } from '../shared/ids.js';
import { parseMetadata } from '../shared/json-metadata.js';
import { element, viewStateValues } from '../shared/view-state.js';
import type { AskMetadata } from './ask-modal.js';
import { ASK_BLOCKS } from './ids.js';

const metadataSchema = z.object({
  channelId: z.string().min(1),
  kind: z.enum(ASK_KINDS).nullable(),
  source: z.object({ channelId: z.string(), messageTs: z.string() }).nullable(),
  authorId: z.string().nullable(),
});

export type ParsedAsk =
  | { ok: true; metadata: AskMetadata; kind: AskKind; content: AskContent; contactId: string | null }
  | { ok: false; errors: BlockErrors }
  | { ok: 'malformed' };

/** The channel an ask form was opened for; null when its metadata is not ours. */
export const askFormChannel = (privateMetadata: string): string | null =>
  parseMetadata(privateMetadata, metadataSchema)?.channelId ?? null;

/** The ask modal's values as domain content; blocks that a kind does not show read as empty. */
export function parseAskSubmission(privateMetadata: string, rawValues: unknown): ParsedAsk {
  const values = viewStateValues.safeParse(rawValues);
  const metadata = parseMetadata(privateMetadata, metadataSchema);
  if (!values.success || metadata === null) return { ok: 'malformed' };
  const read = (blockId: string) => element(values.data, blockId, INPUT);
  const text = (blockId: string) => read(blockId).value?.trim() || null;

  const chosen = read(ASK_BLOCKS.kind).selected_option?.value;
  const kind = metadata.kind ?? (ASK_KINDS.includes(chosen as AskKind) ? (chosen as AskKind) : null);
  if (kind === null)
    return { ok: false, errors: { [ASK_BLOCKS.kind]: 'Choose what kind of request this is.' } };
  const title = text(ASK_BLOCKS.title);
  if (!title) return { ok: false, errors: { [ASK_BLOCKS.title]: 'Give it a short title.' } };
  if (kind === 'enhancement' && !text(ASK_BLOCKS.details)) {
    return { ok: false, errors: { [ASK_BLOCKS.details]: 'Describe the problem and who runs into it.' } };
  }
  const urgency = read(ASK_BLOCKS.urgency).selected_option?.value;
  return {
    ok: true,
    metadata,
    kind,
    contactId: read(ASK_BLOCKS.contactId).selected_user ?? null,
    content: {
      title,
      details: text(ASK_BLOCKS.details) ?? '',
      urgency:
        kind === 'help' ? (URGENCIES.includes(urgency as Urgency) ? (urgency as Urgency) : 'normal') : null,
      businessImpact: text(ASK_BLOCKS.businessImpact),
      workaround: text(ASK_BLOCKS.workaround),
      dueDate: read(ASK_BLOCKS.dueDate).selected_date ?? null,
    },
  };
}

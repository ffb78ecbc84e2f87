import { DateTime } from 'luxon';
import { z } from 'zod';
import type { DraftField, DraftInput } from '../../app/announcements/draft-announcement.js';
import { parseTags } from '../../domain/partnerships/partnership-tags.js';
import { parseIncidentChoice } from '../incidents/incident-form.js';
import { INPUT } from '../shared/ids.js';
import { parseMetadata } from '../shared/json-metadata.js';
import { element, viewStateValues } from '../shared/view-state.js';
import { ANNOUNCE_BLOCKS as B } from './ids.js';

const metadataSchema = z.object({ timeZone: z.string().min(1) });
const AUDIENCE_KINDS = ['all', 'tags', 'picked'] as const;

export type AnnounceParse =
  | { ok: true; input: DraftInput }
  | { ok: false; errors: Record<string, string> }
  | { ok: 'malformed' };

/** Where each of the use case's problems is shown in the form. */
export const ANNOUNCE_FIELD_BLOCKS: Record<DraftField, string> = {
  title: B.title,
  body: B.body,
  audience: B.audience,
  tags: B.tags,
  excludedTags: B.excludedTags,
  picked: B.picked,
  sendAt: B.date,
};

/** The submitted form as the use case's input; a chosen date and time are read in the sender's zone. */
export function parseAnnounceSubmission(privateMetadata: string, rawValues: unknown): AnnounceParse {
  const values = viewStateValues.safeParse(rawValues);
  const metadata = parseMetadata(privateMetadata, metadataSchema);
  if (!values.success || metadata === null) return { ok: 'malformed' };
  const read = (blockId: string) => element(values.data, blockId, INPUT);
  const kind = read(B.audience).selected_option?.value ?? 'all';
  if (!(AUDIENCE_KINDS as readonly string[]).includes(kind)) return { ok: 'malformed' };
  const incident = parseIncidentChoice(read);
  if (incident === 'malformed') return { ok: 'malformed' };
  const later = read(B.when).selected_option?.value === 'later';
  let sendAt: Date | null = null;
  if (later) {
    const date = read(B.date).selected_date ?? '';
    const time = read(B.time).selected_time ?? '';
    const at = DateTime.fromISO(`${date}T${time}`, { zone: metadata.timeZone });
    if (!at.isValid) return { ok: false, errors: { [B.date]: 'Choose the date and the time to send it.' } };
    sendAt = at.toJSDate();
  }
  const channelIds = (read(B.picked) as { selected_conversations?: unknown }).selected_conversations;
  return {
    ok: true,
    input: {
      title: (read(B.title).value ?? '').trim(),
      body: (read(B.body).value ?? '').trim(),
      audience: {
        kind: kind as DraftInput['audience']['kind'],
        tags: parseTags(read(B.tags).value ?? ''),
        excludedTags: parseTags(read(B.excludedTags).value ?? ''),
        channelIds: z
          .array(z.string())
          .catch([])
          .parse(channelIds ?? []),
      },
      sendAt,
      timeZone: metadata.timeZone,
      incident,
    },
  };
}

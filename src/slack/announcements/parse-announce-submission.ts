import { DateTime } from 'luxon';
import { z } from 'zod';
import type { DraftField, DraftInput } from '../../app/announcements/draft-announcement.js';
import { parseTags } from '../../domain/partnerships/partnership-tags.js';
import { parseIncidentChoice } from '../incidents/incident-form.js';
import { INPUT } from '../shared/ids.js';
import { parseMetadata } from '../shared/json-metadata.js';
import { element, viewStateValues } from '../shared/view-state.js';
import { ANNOUNCE_BLOCKS as B } from './ids.js';

const metadataSchema = z.object({ timeZone: z.string().min(1), replaces: z.string().min(1).optional() });
const AUDIENCES = {
  all: { kind: 'all', tagMatch: 'any' },
  tags: { kind: 'tags', tagMatch: 'any' },
  tags_all: { kind: 'tags', tagMatch: 'all' },
  picked: { kind: 'picked', tagMatch: 'any' },
} as const;
const channelList = z.array(z.string()).catch([]);

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
  excludedPicked: B.excludedPicked,
  sendAt: B.date,
  signOffBy: B.signOffBy,
};

/** The submitted form as the use case's input; a chosen date and time are read in the sender's zone. */
export function parseAnnounceSubmission(privateMetadata: string, rawValues: unknown): AnnounceParse {
  const values = viewStateValues.safeParse(rawValues);
  const metadata = parseMetadata(privateMetadata, metadataSchema);
  if (!values.success || metadata === null) return { ok: 'malformed' };
  const read = (blockId: string) => element(values.data, blockId, INPUT);
  const choice = read(B.audience).selected_option?.value ?? 'all';
  if (!Object.hasOwn(AUDIENCES, choice)) return { ok: 'malformed' };
  const { kind, tagMatch } = AUDIENCES[choice as keyof typeof AUDIENCES];
  const incident = parseIncidentChoice(read);
  if (incident === 'malformed') return { ok: 'malformed' };
  const when = read(B.when).selected_option?.value;
  const later = when === 'later';
  let sendAt: Date | null = null;
  if (later) {
    const date = read(B.date).selected_date ?? '';
    const time = read(B.time).selected_time ?? '';
    const at = DateTime.fromISO(`${date}T${time}`, { zone: metadata.timeZone });
    if (!at.isValid) return { ok: false, errors: { [B.date]: 'Choose the date and the time to send it.' } };
    sendAt = at.toJSDate();
  }
  const channels = (blockId: string) =>
    channelList.parse((read(blockId) as { selected_conversations?: unknown }).selected_conversations ?? []);
  return {
    ok: true,
    input: {
      title: (read(B.title).value ?? '').trim(),
      body: (read(B.body).value ?? '').trim(),
      notifyChannel: (read(B.notifyChannel).selected_options ?? []).some((o) => o.value === 'channel'),
      audience: {
        kind,
        tags: parseTags(read(B.tags).value ?? ''),
        tagMatch,
        excludedTags: parseTags(read(B.excludedTags).value ?? ''),
        channelIds: channels(B.picked),
        excludedChannelIds: channels(B.excludedPicked),
      },
      sendAt,
      inWorkingHours: when === 'working_hours',
      timeZone: metadata.timeZone,
      incident,
      replaces: metadata.replaces ?? null,
      signOffBy: read(B.signOffBy).selected_user ?? null,
    },
  };
}

import type { View } from '@slack/types';
import { z } from 'zod';
import { ANNOUNCEMENT_TEXT_MAX, type Announcement } from '../../domain/announcements/announcement.js';
import { plain } from '../shared/blocks.js';
import { INPUT } from '../shared/ids.js';
import { textInput } from '../shared/inputs.js';
import { parseMetadata } from '../shared/json-metadata.js';
import { element, viewStateValues } from '../shared/view-state.js';
import { ANNOUNCE_VIEWS, ANNOUNCE_BLOCKS as B } from './ids.js';

/** Edit everywhere: the sent title and message, prefilled; what is saved replaces them in every channel. */
export function buildEditSentModal(a: Announcement): View {
  return {
    type: 'modal',
    callback_id: ANNOUNCE_VIEWS.editSent,
    private_metadata: JSON.stringify({ id: a.id }),
    title: plain('Edit everywhere'),
    submit: plain('Update everywhere'),
    close: plain('Cancel'),
    blocks: [
      textInput(B.title, 'Title', { max: ANNOUNCEMENT_TEXT_MAX.title, initial: a.title }),
      textInput(B.body, 'Message', {
        multiline: true,
        max: ANNOUNCEMENT_TEXT_MAX.body,
        initial: a.body,
        hint: 'Every channel it reached shows this instead, paced under Slack’s limits.',
      }),
    ],
  };
}

const metadataSchema = z.object({ id: z.string().min(1) });

export function parseEditSentSubmission(
  privateMetadata: string,
  rawValues: unknown,
): { id: string; title: string; body: string } | null {
  const values = viewStateValues.safeParse(rawValues);
  const metadata = parseMetadata(privateMetadata, metadataSchema);
  if (!values.success || metadata === null) return null;
  const read = (blockId: string) => (element(values.data, blockId, INPUT).value ?? '').trim();
  return { id: metadata.id, title: read(B.title), body: read(B.body) };
}

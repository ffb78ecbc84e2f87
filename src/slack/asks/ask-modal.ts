import type { KnownBlock, View } from '@slack/types';
import { type AskKind, URGENCIES, type Urgency } from '../../domain/asks/ask.js';
import { ASK_TEXT_MAX, cutToFit } from '../../domain/asks/text-limits.js';
import { plain } from '../shared/blocks.js';
import { input, textInput } from '../shared/inputs.js';
import { ASK_BLOCKS, ASK_VIEWS } from './ids.js';

export const TITLE_MAX = ASK_TEXT_MAX.title;
const DETAILS_MAX = ASK_TEXT_MAX.details;

export interface AskMetadata {
  channelId: string;
  /** null: the kind is chosen in the form (raising a message with the shortcut). */
  kind: AskKind | null;
  source: { channelId: string; messageTs: string } | null;
  /** Who wrote the source message: the requester of a help request or enhancement raised from it. */
  authorId: string | null;
}

const TITLES: Record<AskKind, string> = {
  help: 'Ask for help',
  enhancement: 'Suggest an improvement',
  vendor: 'Ask the customer',
};
const URGENCY_LABELS: Record<Urgency, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent: we are blocked',
};
const urgencyOption = (u: Urgency) => ({ text: plain(URGENCY_LABELS[u]), value: u });

/**
 * Splits free text (a message, a command's text) into a title (its first line, when short enough) and
 * details (the rest, or all of it when the first line is long), cut to fit with a visible marker.
 */
export function splitPrefill(text: string): { title: string; details: string } {
  const trimmed = text.trim();
  const [first = '', ...rest] = trimmed.split('\n');
  if (first.length <= TITLE_MAX)
    return { title: first, details: cutToFit(rest.join('\n').trim(), DETAILS_MAX) };
  return { title: '', details: cutToFit(trimmed, DETAILS_MAX) };
}

/** The form for a new ask of one kind, pre-filled with whatever text came with the command or message. */
export function buildAskModal(metadata: AskMetadata & { kind: AskKind }, prefill: string): View {
  const { title, details } = splitPrefill(prefill);
  const kindBlocks: Record<AskKind, KnownBlock[]> = {
    help: [
      textInput(ASK_BLOCKS.title, 'What do you need help with?', { initial: title, max: TITLE_MAX }),
      textInput(ASK_BLOCKS.details, 'Details', {
        initial: details,
        multiline: true,
        optional: true,
        hint: 'What happened, what you expected, links or error messages.',
      }),
      input(ASK_BLOCKS.urgency, 'Urgency', {
        type: 'static_select',
        options: URGENCIES.map(urgencyOption),
        initial_option: urgencyOption('normal'),
      }),
    ],
    enhancement: [
      textInput(ASK_BLOCKS.title, 'What should change?', { initial: title, max: TITLE_MAX }),
      textInput(ASK_BLOCKS.details, 'The problem and its use cases', {
        initial: details,
        multiline: true,
        hint: 'Who runs into it, when, and what they are trying to do.',
      }),
      textInput(ASK_BLOCKS.businessImpact, 'Business impact', { multiline: true, optional: true }),
      textInput(ASK_BLOCKS.workaround, 'Current workaround', { multiline: true, optional: true }),
      input(ASK_BLOCKS.dueDate, 'Wanted by', { type: 'datepicker' }, { optional: true }),
    ],
    vendor: [
      textInput(ASK_BLOCKS.title, 'What do we need?', {
        initial: title,
        max: TITLE_MAX,
        hint: 'A reference, a case study, feedback, missing information…',
      }),
      textInput(ASK_BLOCKS.details, 'Why we need it', { initial: details, multiline: true, optional: true }),
      input(ASK_BLOCKS.contactId, 'Who at the customer?', { type: 'users_select' }),
      input(ASK_BLOCKS.dueDate, 'Needed by', { type: 'datepicker' }, { optional: true }),
    ],
  };
  return {
    type: 'modal',
    callback_id: ASK_VIEWS.ask,
    private_metadata: JSON.stringify(metadata),
    title: plain(TITLES[metadata.kind]),
    submit: plain('Send'),
    close: plain('Cancel'),
    blocks: kindBlocks[metadata.kind],
  };
}

import type { KnownBlock, View } from '@slack/types';
import type { Side } from '../../domain/actors.js';
import {
  MAX_MEETING_CADENCE,
  MAX_SHARED,
  PLAN_PURPOSES,
  PLAN_SIDES,
  type PlanContent,
} from '../../domain/plan/communication-plan.js';
import { context, plain } from '../shared/blocks.js';
import { truncate } from '../shared/escape.js';
import { input, textInput, withInitial } from '../shared/inputs.js';
import { PLAN_BLOCKS, PLAN_VIEWS } from './ids.js';
import { PURPOSE_LABELS } from './plan-message.js';

/** Carried through the form: which partnership, and the version it was opened on (compare-and-set). */
export interface PlanMetadata {
  partnershipId: string;
  expectedVersion: number;
}

export interface PlanModalInput {
  metadata: PlanMetadata;
  accountName: string;
  /** The saved plan, or the default suggested from the setup. */
  content: PlanContent;
}

/** The plan's edit form: one optional person per purpose and side, the meeting cadence and what is shared. */
export function buildPlanModal({ metadata, accountName, content }: PlanModalInput): View {
  const sideName: Record<Side, string> = { vendor: 'our team', customer: truncate(accountName, 80) };
  const people = PLAN_PURPOSES.flatMap((purpose) =>
    PLAN_SIDES.map((side) =>
      input(
        PLAN_BLOCKS[purpose][side],
        `${PURPOSE_LABELS[purpose]}: ${sideName[side]}`,
        { type: 'users_select', ...withInitial('initial_user', content.contacts[purpose][side]) },
        { optional: true },
      ),
    ),
  );
  const blocks: KnownBlock[] = [
    context(
      'Who each side contacts for what. Both organisations see this plan, pinned in the channel. ' +
        'Pick people from this channel: ours for our team, theirs for the customer.',
    ),
    ...people,
    textInput(PLAN_BLOCKS.meetingCadence, 'Meetings', {
      initial: content.meetingCadence,
      max: MAX_MEETING_CADENCE,
      optional: true,
      hint: 'How often you meet, such as “Fortnightly, Tuesdays 15:00 CET”.',
    }),
    textInput(PLAN_BLOCKS.shared, 'What we share', {
      initial: content.shared,
      multiline: true,
      max: MAX_SHARED,
      optional: true,
      hint: 'Such as the roadmap each quarter, release notes, usage reports, incident reviews.',
    }),
  ];
  return {
    type: 'modal',
    callback_id: PLAN_VIEWS.edit,
    private_metadata: JSON.stringify(metadata),
    title: plain('Communication plan'),
    submit: plain('Save'),
    close: plain('Cancel'),
    blocks,
  };
}

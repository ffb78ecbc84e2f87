import { z } from 'zod';
import {
  PLAN_PURPOSES,
  type PLAN_SIDES,
  type PlanContacts,
  type PlanContent,
  type PlanField,
  type PlanPurpose,
} from '../../domain/plan/communication-plan.js';
import type { BlockErrors } from '../setup/parse-setup-submission.js';
import { INPUT } from '../shared/ids.js';
import { parseMetadata } from '../shared/json-metadata.js';
import { element, viewStateValues } from '../shared/view-state.js';
import { PLAN_BLOCKS } from './ids.js';
import type { PlanMetadata } from './plan-modal.js';

const metadataSchema = z.object({
  partnershipId: z.string().min(1),
  expectedVersion: z.number().int().positive(),
});

export type ParsedPlan = { ok: true; metadata: PlanMetadata; content: PlanContent } | { ok: 'malformed' };

/** The block that carries problems with the form as a whole (unreadable, changed meanwhile). */
export const PLAN_FORM_BLOCK = PLAN_BLOCKS.technical.vendor;

/** The partnership a plan form was opened for; null when its metadata is not ours. */
export const planFormPartnership = (privateMetadata: string): string | null =>
  parseMetadata(privateMetadata, metadataSchema)?.partnershipId ?? null;

/**
 * The submitted plan form as domain content (texts trimmed, empty slots null). Every field is
 * optional, so the only failure here is a form that is not ours; the domain checks the rest.
 */
export function parsePlanSubmission(privateMetadata: string, rawValues: unknown): ParsedPlan {
  const values = viewStateValues.safeParse(rawValues);
  const metadata = parseMetadata(privateMetadata, metadataSchema);
  if (!values.success || metadata === null) return { ok: 'malformed' };
  const read = (blockId: string) => element(values.data, blockId, INPUT);
  const contacts = Object.fromEntries(
    PLAN_PURPOSES.map((purpose) => [
      purpose,
      {
        vendor: read(PLAN_BLOCKS[purpose].vendor).selected_user || null,
        customer: read(PLAN_BLOCKS[purpose].customer).selected_user || null,
      },
    ]),
  ) as PlanContacts;
  return {
    ok: true,
    metadata,
    content: {
      contacts,
      meetingCadence: (read(PLAN_BLOCKS.meetingCadence).value ?? '').trim(),
      shared: (read(PLAN_BLOCKS.shared).value ?? '').trim(),
    },
  };
}

/** Domain problems with plan fields, keyed by the form's block ids. */
export function planErrorsByBlock(fields: Partial<Record<PlanField, string>>): BlockErrors {
  const errors: BlockErrors = {};
  for (const [field, message] of Object.entries(fields) as [PlanField, string][]) {
    errors[blockForPlanField(field)] = message;
  }
  return errors;
}

function blockForPlanField(field: PlanField): string {
  if (field === 'meetingCadence' || field === 'shared') return PLAN_BLOCKS[field];
  const [, purpose, side] = field.split('.') as [string, PlanPurpose, (typeof PLAN_SIDES)[number]];
  return PLAN_BLOCKS[purpose][side];
}

import type { Actor } from '../actors.js';
import type { Partnership } from '../partnerships/partnership.js';
import type { Clock, PartnershipRepository } from '../ports.js';
import { fail, ok, type Result } from '../result.js';
import {
  type CommunicationPlan,
  checkPlan,
  type LookUpPerson,
  type PlanContent,
  type PlanFieldErrors,
} from './communication-plan.js';

export type PlanSaveError =
  | { code: 'forbidden'; message: string }
  | { code: 'invalid'; fields: PlanFieldErrors }
  | { code: 'conflict'; message: string };

export interface SavePlanDeps {
  partnerships: PartnershipRepository;
  clock: Clock;
}

export interface SavePlanRequest {
  actor: Actor;
  /** The partnership as read now. */
  partnership: Partnership;
  /** The partnership's version the form was opened on. */
  expectedVersion: number;
  content: PlanContent;
  /** The people the plan names, as the caller found them (side, channel membership). */
  lookUp: LookUpPerson;
}

/**
 * Saves a partnership's communication plan: vendor side only, checked, and compare-and-set on the
 * partnership's version, so an edit made meanwhile (the plan or the setup) is never overwritten.
 * Resolves to the partnership as stored.
 */
export async function saveCommunicationPlan(
  deps: SavePlanDeps,
  request: SavePlanRequest,
): Promise<Result<Partnership, PlanSaveError>> {
  const { actor, partnership, expectedVersion, lookUp } = request;
  if (actor.side !== 'vendor') {
    return fail({ code: 'forbidden', message: 'Only people at the vendor can edit the communication plan.' });
  }
  const content: PlanContent = {
    contacts: request.content.contacts,
    meetingCadence: request.content.meetingCadence.trim(),
    shared: request.content.shared.trim(),
  };
  const fields = checkPlan(content, lookUp);
  if (Object.keys(fields).length > 0) return fail({ code: 'invalid', fields });

  if (partnership.version !== expectedVersion) return fail(changedMeanwhile());
  const plan: CommunicationPlan = { ...content, updatedBy: actor.userId, updatedAt: deps.clock.now() };
  const saved = await deps.partnerships.savePlan(partnership.id, plan, expectedVersion);
  if (saved === 'conflict') return fail(changedMeanwhile());
  return ok({ ...partnership, plan, version: expectedVersion + 1 });
}

const changedMeanwhile = (): PlanSaveError => ({
  code: 'conflict',
  message:
    'Someone else changed this partnership while you were editing. Close this form and open the plan again.',
});

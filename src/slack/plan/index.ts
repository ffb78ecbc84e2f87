import type { SlackDeps } from '../bolt/deps.js';
import { identifyActor } from '../bolt/identify-actor.js';
import { onButton, onSubmission, type SubmissionArgs } from '../bolt/listen.js';
import type { Listeners } from '../bolt/listeners.js';
import { channelOfCommand, partnershipOfButton, requirePartnership } from '../bolt/request-partnership.js';
import type { Subcommands } from '../commands/command-args.js';
import { handleEditPlanButton } from './handle-plan-buttons.js';
import { handlePlanSubmission } from './handle-plan-submission.js';
import { PLAN_ACTIONS, PLAN_VIEWS } from './ids.js';
import { planFormPartnership } from './parse-plan-submission.js';
import { showPlan } from './show-plan.js';

export const planSubcommands: Subcommands = { plan: [requirePartnership(channelOfCommand), showPlan] };

/** The communication plan: `/rapport plan`, its Edit plan button and its form. */
export function registerPlan(listeners: Listeners, deps: SlackDeps): void {
  onButton(
    listeners,
    PLAN_ACTIONS.edit,
    requirePartnership(partnershipOfButton),
    identifyActor,
    handleEditPlanButton,
  );
  const inFormPartnership = requirePartnership(({ view }: SubmissionArgs) => {
    const partnershipId = planFormPartnership(view.private_metadata);
    return partnershipId ? { partnershipId } : null;
  });
  onSubmission(listeners, PLAN_VIEWS.edit, inFormPartnership, identifyActor, handlePlanSubmission(deps));
}

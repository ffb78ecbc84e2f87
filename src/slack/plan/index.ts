import type { App, BlockButtonAction } from '@slack/bolt';
import type { SlackDeps } from '../bolt/deps.js';
import { guardSubmission } from '../bolt/guarded-write.js';
import type { Subcommands } from '../commands/command-args.js';
import { handleEditPlanButton } from './handle-plan-buttons.js';
import { handlePlanSubmission } from './handle-plan-submission.js';
import { PLAN_ACTIONS, PLAN_VIEWS } from './ids.js';
import { showPlan } from './show-plan.js';

export const planSubcommands: Subcommands = { plan: showPlan };

/** The communication plan: `/rapport plan`, its Edit plan button and its form. */
export function registerPlan(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(PLAN_ACTIONS.edit, handleEditPlanButton(deps));
  app.view(PLAN_VIEWS.edit, guardSubmission(deps, handlePlanSubmission(deps)));
}

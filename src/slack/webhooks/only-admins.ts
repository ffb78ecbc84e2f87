import { answerPrivately } from '../bolt/answer-privately.js';
import type { ActorContext, Listener } from '../bolt/rapport-context.js';
import type { AnswerableArgs } from '../bolt/request-partnership.js';
import { isWorkspaceAdmin } from '../bolt/workspace-admin.js';

export const ADMINS_ONLY = 'Only admins and owners of this Slack workspace can manage webhooks.';

/** Webhooks send the workspace's data elsewhere: only the vendor's Slack admins and owners manage them. */
export const isWebhookAdmin = isWorkspaceAdmin;

/** Listener middleware after identifyActor: admins go on; anyone else is told privately. */
export const onlyWebhookAdmins: Listener<AnswerableArgs, ActorContext> = async (args) => {
  const { context } = args;
  if (await isWebhookAdmin(context.workspace.directory, context.actor)) return args.next();
  await answerPrivately(args, { text: ADMINS_ONLY });
};

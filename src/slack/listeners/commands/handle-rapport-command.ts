import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { parseCommandText } from '../../parse/command-text.js';
import { buildHelpMessage } from '../../views/help-message.js';
import { linkAsks } from './link-asks.js';
import { openApprovalModal } from './open-approval-modal.js';
import { openAskModal } from './open-ask-modal.js';
import { openConnectModal } from './open-connect-modal.js';
import { openPeopleModal } from './open-people-modal.js';
import { openSetupModal } from './open-setup-modal.js';
import { showApprovals } from './show-approvals.js';
import { showDigestPreview } from './show-digest-preview.js';
import { showList } from './show-list.js';
import { showPlan } from './show-plan.js';
import { showReport } from './show-report.js';
import { showStatus } from './show-status.js';

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
type Subcommand = (deps: SlackDeps, args: CommandArgs, rest: string) => Promise<void>;

const SUBCOMMANDS: Record<string, Subcommand> = {
  ask: openAskModal('help'),
  idea: openAskModal('enhancement'),
  need: openAskModal('vendor'),
  list: showList,
  link: linkAsks,
  setup: openSetupModal,
  connect: openConnectModal,
  status: showStatus,
  plan: showPlan,
  digest: showDigestPreview,
  approval: openApprovalModal,
  approvals: showApprovals,
  report: showReport,
  people: openPeopleModal,
};

/** `/rapport <sub>`: acks at once (Slack allows 3 s), then routes; unknown input gets usage help. */
export const handleRapportCommand = (deps: SlackDeps) => async (args: CommandArgs) => {
  await args.ack();
  const { sub, rest } = parseCommandText(args.command.text);
  const run = Object.hasOwn(SUBCOMMANDS, sub) ? SUBCOMMANDS[sub] : undefined;
  if (run) return run(deps, args, rest);
  const help = buildHelpMessage(sub === '' || sub === 'help' ? undefined : sub);
  await args.respond({ response_type: 'ephemeral', ...help });
};

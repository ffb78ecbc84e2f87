import type { App } from '@slack/bolt';
import { approvalSubcommands, registerApprovals } from '../approvals/index.js';
import { askSubcommands, registerAsks } from '../asks/index.js';
import { registerCommands } from '../commands/index.js';
import { connectSubcommands, registerConnect } from '../connect/index.js';
import { registerConversations } from '../conversations/index.js';
import { digestSubcommands, registerDigests } from '../digests/index.js';
import { registerFeedback } from '../feedback/index.js';
import { registerHome } from '../home/index.js';
import { peopleSubcommands, registerPeople } from '../people/index.js';
import { planSubcommands, registerPlan } from '../plan/index.js';
import { registerReminders } from '../reminders/index.js';
import { reportSubcommands } from '../reports/index.js';
import { registerSetup, setupSubcommands } from '../setup/index.js';
import { registerTrackers, trackerSubcommands } from '../trackers/index.js';
import type { SlackDeps } from './deps.js';

/** Every feature's listeners, and `/rapport` routing to every feature's subcommands. */
export function registerListeners(app: App, deps: SlackDeps): void {
  registerCommands(app, {
    ...askSubcommands(deps),
    ...setupSubcommands(deps),
    ...connectSubcommands,
    ...planSubcommands,
    ...digestSubcommands(deps),
    ...approvalSubcommands(deps),
    ...reportSubcommands(deps),
    ...peopleSubcommands(deps),
    ...trackerSubcommands(deps),
  });
  registerAsks(app, deps);
  registerFeedback(app, deps);
  registerReminders(app, deps);
  registerDigests(app, deps);
  registerApprovals(app, deps);
  registerPlan(app, deps);
  registerSetup(app, deps);
  registerConnect(app, deps);
  registerPeople(app, deps);
  registerHome(app, deps);
  registerConversations(app, deps);
  registerTrackers(app, deps);
}

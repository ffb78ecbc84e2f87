import { announcementSubcommands, registerAnnouncements } from '../announcements/index.js';
import { approvalSubcommands, registerApprovals } from '../approvals/index.js';
import { askSubcommands, registerAsks } from '../asks/index.js';
import { registerCommands } from '../commands/index.js';
import { connectSubcommands, registerConnect } from '../connect/index.js';
import { registerConversations } from '../conversations/index.js';
import { digestSubcommands, registerDigests } from '../digests/index.js';
import { registerFeedback } from '../feedback/index.js';
import { registerHome } from '../home/index.js';
import { incidentSubcommands, registerIncidents } from '../incidents/index.js';
import { peopleSubcommands, registerPeople } from '../people/index.js';
import { planSubcommands, registerPlan } from '../plan/index.js';
import { registerReminders } from '../reminders/index.js';
import { reportSubcommands } from '../reports/index.js';
import { registerSetup, setupSubcommands } from '../setup/index.js';
import { registerSimilar } from '../similar/index.js';
import { tagSubcommands } from '../tags/index.js';
import { registerTrackers, trackerSubcommands } from '../trackers/index.js';
import { registerWebhooks, webhookSubcommands } from '../webhooks/index.js';
import type { SlackDeps } from './deps.js';
import type { Listeners } from './listeners.js';

/** Every feature's listeners, and `/rapport` routing to every feature's subcommands. */
export function registerListeners(listeners: Listeners, deps: SlackDeps): void {
  registerCommands(listeners, {
    ...announcementSubcommands(deps),
    ...askSubcommands(deps),
    ...setupSubcommands(deps),
    ...connectSubcommands,
    ...planSubcommands,
    ...digestSubcommands(deps),
    ...approvalSubcommands(deps),
    ...reportSubcommands(deps),
    ...peopleSubcommands(deps),
    ...webhookSubcommands(deps),
    ...trackerSubcommands(deps),
    ...tagSubcommands(deps),
    ...incidentSubcommands(),
  });
  registerAsks(listeners, deps);
  registerSimilar(listeners, deps);
  registerFeedback(listeners, deps);
  registerReminders(listeners, deps);
  registerDigests(listeners, deps);
  registerApprovals(listeners, deps);
  registerPlan(listeners, deps);
  registerSetup(listeners, deps);
  registerConnect(listeners, deps);
  registerPeople(listeners, deps);
  registerHome(listeners, deps);
  registerConversations(listeners, deps);
  registerWebhooks(listeners, deps);
  registerTrackers(listeners, deps);
  registerAnnouncements(listeners, deps);
  registerIncidents(listeners, deps);
}

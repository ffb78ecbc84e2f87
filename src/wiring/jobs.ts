import { approvalTickJob } from '../jobs/approval-tick.js';
import { deliverWebhooksJob } from '../jobs/deliver-webhooks.js';
import { digestTickJob } from '../jobs/digest-tick.js';
import { purgeClosedMessagesJob } from '../jobs/purge-closed-messages.js';
import { purgeExpiredMarkersJob } from '../jobs/purge-expired-markers.js';
import { reconcileEffectsJob } from '../jobs/reconcile-effects.js';
import { reminderSweepJob } from '../jobs/reminder-sweep.js';
import { type Scheduler, startScheduler } from '../jobs/scheduler.js';
import { sendAnnouncementsJob } from '../jobs/send-announcements.js';
import { sendIncidentUpdatesJob } from '../jobs/send-incident-updates.js';
import { trackerPollJob } from '../jobs/tracker-poll.js';
import { inWorkspace } from '../slack/bolt/deps.js';
import { refreshHomes } from '../slack/home/publish-home.js';
import { slackReminderSender } from '../slack/reminders/send-reminders.js';
import type { Workspace } from '../workspaces/workspace.js';
import type { Basics } from './basics.js';
import type { Services } from './services.js';
import type { SlackApp } from './slack-app.js';

/** The scheduled jobs, each run in every workspace, several at once; with `cron` false they run only through `run`. */
export function wireJobs(basics: Basics, slack: SlackApp, services: Services, cron: boolean): Scheduler {
  const { config, clock, logger } = basics;
  const { deps, effects, webhooks } = services;
  const pollMinutes = config.trackers?.pollMinutes ?? 0;
  const reminderSender = (workspace: Workspace) =>
    slackReminderSender({
      client: workspace.jobClient,
      clock,
      // Before the reminder is recorded: no retrying here either (a failed refresh is only logged).
      reminded: (userId) => refreshHomes(workspace.jobClient, inWorkspace(deps, workspace), [userId]),
      counted: slack.metrics.reminderMessage,
      isExternallyShared: (channelId) => workspace.directory.isExternallyShared(channelId),
      logger,
    });
  const jobs = [
    purgeExpiredMarkersJob({ logger }),
    purgeClosedMessagesJob({ logger }),
    reminderSweepJob({ logger, senderIn: reminderSender }),
    approvalTickJob(deps),
    reconcileEffectsJob({ effects, logger }),
    deliverWebhooksJob({ webhooks }),
    sendAnnouncementsJob(deps),
    sendIncidentUpdatesJob(deps),
    digestTickJob({ ...deps, graceMs: config.digestGraceMs, publish: deps.publishDigests }),
    ...(pollMinutes > 0 ? [trackerPollJob({ ...deps, everyMinutes: pollMinutes })] : []),
  ];
  return startScheduler(
    jobs,
    {
      clock,
      logger,
      listWorkspaces: slack.workspaces.list,
      ...config.jobs,
      letGo: (run) => basics.inProgress.add(run),
      observed: slack.metrics.jobRun,
      ticked: slack.metrics.jobTick,
      tickSkipped: slack.metrics.jobTickSkipped,
    },
    { cron },
  );
}

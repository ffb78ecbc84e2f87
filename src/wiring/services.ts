import { randomUUID } from 'node:crypto';
import { createPersonLimiter } from '../app/limits/person-limiter.js';
import { DEFAULT_ANNOUNCEMENT_SETTINGS } from '../domain/announcements/announcement-settings.js';
import { digestPostedEvent } from '../domain/webhooks/webhook-events.js';
import { createEffectRunner, type EffectRunner } from '../effects/effect-runner.js';
import {
  eventsOfApproval,
  eventsOfAsk,
  queueWebhookEvents,
  withWebhookEvents,
} from '../integrations/webhooks/queue-webhook-events.js';
import { createWebhookDeliverer, type WebhookDeliverer } from '../integrations/webhooks/webhook-deliverer.js';
import type { RapportMetrics } from '../metrics/rapport-metrics.js';
import { createTokenCipher, type TokenCipher } from '../security/token-cipher.js';
import { createSimilarRequests } from '../similar/similar-requests.js';
import { sendDueAnnouncements } from '../slack/announcements/send-announcements.js';
import { approvalEffects } from '../slack/approvals/approval-effects.js';
import { askEffects } from '../slack/asks/ask-effects.js';
import type { SlackDeps } from '../slack/bolt/deps.js';
import { publishDigests } from '../slack/digests/publish-digests.js';
import { createWorkspacePace, type WorkspacePace } from '../slack/digests/workspace-pace.js';
import { refreshHomes } from '../slack/home/publish-home.js';
import { sendIncidentUpdates } from '../slack/incidents/send-incident-updates.js';
import { tellEndpointDisabled } from '../slack/webhooks/tell-disabled.js';
import { STORE_DEADLINES, withStoreDeadline } from '../store/store-deadline.js';
import { DEFAULT_WEBHOOK_SETTINGS, type WebhookSettings } from '../webhook-settings.js';
import type { Workspace } from '../workspaces/workspace.js';
import type { Basics } from './basics.js';

export interface Services {
  /** What listeners are given; each request adds its workspace. */
  deps: SlackDeps;
  /** Carries out what changes owe, in the workspace each was stored in. */
  effects: EffectRunner<Workspace>;
  /** Sends the events that changes queued to webhook endpoints. */
  webhooks: WebhookDeliverer<Workspace>;
}

/** The services behind requests and jobs: the effects of changes, digests, ids. */
export function wireServices(
  basics: Basics,
  metrics: RapportMetrics,
  trackers: { trackersOf: SlackDeps['trackersOf']; setup: SlackDeps['trackerSetup'] },
): Services {
  const { clock, logger } = basics;
  const { trackersOf } = trackers;
  const effectDeps = { clock, logger, trackersOf };
  const similar = createSimilarRequests();
  const settings: WebhookSettings = basics.config.webhooks ?? DEFAULT_WEBHOOK_SETTINGS;
  const cipher = settings.secretKeys ? createTokenCipher(settings.secretKeys) : null;
  const webhooks = webhookDeliverer(basics, settings, cipher);
  const hooked = { deliverer: webhooks, clock };
  const postingPace = postingPaces(basics);
  const publishEvents: SlackDeps['webhooks']['publish'] = async (workspace, events) => {
    if ((await queueWebhookEvents(workspace.repositories, events, clock.now())) > 0) webhooks.kick(workspace);
  };
  const subjects = [
    withWebhookEvents(askEffects({ ...effectDeps, similar }), eventsOfAsk, hooked),
    withWebhookEvents(approvalEffects(effectDeps), eventsOfApproval, hooked),
  ];
  const effects = createEffectRunner(subjects, {
    ...effectDeps,
    // A pass a request starts outlives its answer: its store calls get the background deadline, not
    // what is left of the request's budget.
    detached: (work) => withStoreDeadline(STORE_DEADLINES.background, work),
  });
  return {
    effects,
    webhooks,
    deps: {
      clock,
      newId: randomUUID,
      logger,
      consequencesIn: effects.consequencesIn,
      similar,
      publishDigests: digestPublisher(basics, metrics, publishEvents, postingPace),
      sendAnnouncements: (workspace) =>
        sendDueAnnouncements({
          client: workspace.jobClient,
          repositories: workspace.repositories,
          directory: workspace.directory,
          clock,
          sleep: basics.sleep,
          logger,
          newId: randomUUID,
          publish: (events) => publishEvents(workspace, events),
          pacing: { pace: postingPace(workspace) },
        }),
      sendIncidentUpdates: (workspace) =>
        sendIncidentUpdates({
          client: workspace.jobClient,
          repositories: workspace.repositories,
          clock,
          sleep: basics.sleep,
          logger,
          newId: randomUUID,
          pacing: { pace: postingPace(workspace) },
        }),
      announcementSettings: basics.config.announcements ?? DEFAULT_ANNOUNCEMENT_SETTINGS,
      trackersOf,
      trackerSetup: trackers.setup,
      limiter: createPersonLimiter({
        limits: basics.config.limits,
        clock,
        observe: (action, actor, allowed) => metrics.limitedAction(action, actor.side, allowed),
      }),
      webhooks: {
        deliver: webhooks.kick,
        async publish(workspace, events) {
          if ((await queueWebhookEvents(workspace.repositories, events, clock.now())) > 0)
            webhooks.kick(workspace);
        },
        seal: cipher ? (secret) => cipher.seal(secret) : null,
      },
    },
  };
}

/**
 * Each workspace's chat.postMessage pace, shared by digests, announcements and incident replies: Slack's
 * workspace cap counts them all, so what one fan-out learned of it holds for the others.
 */
function postingPaces(basics: Basics): (workspace: Workspace) => WorkspacePace {
  const paces = new WeakMap<Workspace['jobClient'], WorkspacePace>();
  return ({ jobClient }) => {
    const pace = paces.get(jobClient) ?? createWorkspacePace(basics.clock);
    paces.set(jobClient, pace);
    return pace;
  };
}

/** Posts a workspace's claimed digests with its job client, then refreshes their owners' Home tabs. */
function digestPublisher(
  basics: Basics,
  metrics: RapportMetrics,
  publishEvents: SlackDeps['webhooks']['publish'],
  postingPace: (workspace: Workspace) => WorkspacePace,
): SlackDeps['publishDigests'] {
  const { clock, logger, sleep } = basics;
  return async (workspace, claims) => {
    const { repositories, directory } = workspace;
    const report = await publishDigests(
      {
        client: workspace.jobClient,
        repositories,
        clock,
        sleep,
        logger,
        isExternallyShared: (channelId) => directory.isExternallyShared(channelId),
        onPost: metrics.digestPost,
        pacing: { pace: postingPace(workspace) },
        posted: ({ record, partnership }) =>
          publishEvents(workspace, [digestPostedEvent(record, partnership, clock.now())]),
      },
      claims,
    );
    // Owners see each partnership's last digest (or its failure) on their Home tab.
    const owners = [...new Set(claims.map((c) => c.partnership.ownerId))];
    await refreshHomes(workspace.client, { repositories, directory, clock, logger }, owners);
    return report;
  };
}

/** Webhook deliveries signed with the settings' secret or the endpoint's own (opened with the token keys). */
function webhookDeliverer(
  basics: Basics,
  settings: WebhookSettings,
  cipher: TokenCipher | null,
): WebhookDeliverer<Workspace> {
  const { clock, logger } = basics;
  return createWebhookDeliverer<Workspace>({
    clock,
    logger,
    send: { timeoutMs: settings.timeoutMs, allowPrivateAddresses: settings.allowPrivateAddresses },
    secretsOf(endpoint, sealed) {
      if (endpoint.source === 'env') return settings.endpoint ? [settings.endpoint.secret] : [];
      if (!cipher) throw new Error('TOKEN_ENCRYPTION_KEYS is needed to open webhook secrets');
      return sealed.map((s) => cipher.open(s));
    },
    disabled: (workspace, endpoint) => tellEndpointDisabled(workspace, endpoint, logger),
  });
}

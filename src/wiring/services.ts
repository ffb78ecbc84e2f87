import { randomUUID } from 'node:crypto';
import { createPersonLimiter } from '../app/limits/person-limiter.js';
import type { IssueTracker } from '../domain/trackers/tracker.js';
import { createEffectRunner, type EffectRunner } from '../effects/effect-runner.js';
import type { RapportMetrics } from '../metrics/rapport-metrics.js';
import { approvalEffects } from '../slack/approvals/approval-effects.js';
import { askEffects } from '../slack/asks/ask-effects.js';
import type { SlackDeps } from '../slack/bolt/deps.js';
import { publishDigests } from '../slack/digests/publish-digests.js';
import { refreshHomes } from '../slack/home/publish-home.js';
import { STORE_DEADLINES, withStoreDeadline } from '../store/store-deadline.js';
import type { Workspace } from '../workspaces/workspace.js';
import type { Basics } from './basics.js';

export interface Services {
  /** What listeners are given; each request adds its workspace. */
  deps: SlackDeps;
  /** Carries out what changes owe, in the workspace each was stored in. */
  effects: EffectRunner<Workspace>;
}

/** The services behind requests and jobs: the effects of changes, digests, ids. */
export function wireServices(
  basics: Basics,
  metrics: RapportMetrics,
  trackerOf: (workspace: Workspace) => IssueTracker | null,
): Services {
  const { clock, logger } = basics;
  const effectDeps = { clock, logger, trackerOf };
  const effects = createEffectRunner([askEffects(effectDeps), approvalEffects(effectDeps)], {
    ...effectDeps,
    // A pass a request starts outlives its answer: its store calls get the background deadline, not
    // what is left of the request's budget.
    detached: (work) => withStoreDeadline(STORE_DEADLINES.background, work),
  });
  return {
    effects,
    deps: {
      clock,
      newId: randomUUID,
      logger,
      consequencesIn: effects.consequencesIn,
      publishDigests: digestPublisher(basics, metrics),
      trackerOf,
      limiter: createPersonLimiter({
        limits: basics.config.limits,
        clock,
        observe: (action, actor, allowed) => metrics.limitedAction(action, actor.side, allowed),
      }),
    },
  };
}

/** Posts a workspace's claimed digests with its job client, then refreshes their owners' Home tabs. */
function digestPublisher(basics: Basics, metrics: RapportMetrics): SlackDeps['publishDigests'] {
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
      },
      claims,
    );
    // Owners see each partnership's last digest (or its failure) on their Home tab.
    const owners = [...new Set(claims.map((c) => c.partnership.ownerId))];
    await refreshHomes(workspace.client, { repositories, directory, clock, logger }, owners);
    return report;
  };
}

import { compileCustomerDigest } from '../../domain/digests/compile-customer-digest.js';
import { compileInternalDigest } from '../../domain/digests/compile-internal-digest.js';
import type { CustomerDigest, InternalDigest } from '../../domain/digests/digest-content.js';
import { gatherDigestSources } from '../../domain/digests/digest-sources.js';
import type { DigestClaim } from '../../domain/digests/take-due-digests.js';
import { errorFields } from '../../logger.js';
import { internalTriageChannel } from '../shared/internal-triage-channel.js';
import { buildCustomerDigestMessage } from './customer-digest-message.js';
import { buildInternalDigestMessage } from './internal-digest-message.js';
import { type PacingOptions, postPaced } from './paced-poster.js';
import { type DigestPostDeps, LOST, postDigestMessage } from './post-digest-message.js';

export interface DigestPublisherDeps extends DigestPostDeps {
  sleep: (ms: number) => Promise<void>;
  /** Asked again before anything internal is posted: a triage channel may have been shared since setup. */
  isExternallyShared: (channelId: string) => Promise<boolean>;
  pacing?: Omit<PacingOptions, 'clock' | 'sleep'>;
  /** Told the outcome of every message this call tried to post (operations metrics). */
  onPost?: (audience: 'customer' | 'internal', outcome: DigestPostOutcome) => void;
  /** A digest was posted to its shared channel and recorded (webhooks hear of it). */
  posted?: (claim: DigestClaim) => Promise<void>;
}

/** lost: another replica took the digest over while this one was posting. */
export type DigestPostOutcome = 'posted' | 'failed' | 'lost';

export interface PublishReport {
  posted: number;
  failed: number;
  /** Another replica took the digest over (this one outlived its lease): not recorded by this one. */
  lost: number;
}

interface Built {
  claim: DigestClaim;
  customer: CustomerDigest;
  internal: InternalDigest;
  customerPost: { ts: string } | { error: string } | null;
}

/**
 * Builds and posts claimed digests: first every customer digest (shared channels), then every internal
 * one (triage channel, or the owner's DM), which also reports a customer digest Slack refused. Each
 * message is recorded the moment it is posted, so a replica that takes over a half-done digest posts
 * only what is missing (and looks first for what may have been posted unrecorded: see
 * postDigestMessage); the outcome is recorded once both are done.
 */
export async function publishDigests(
  deps: DigestPublisherDeps,
  claims: DigestClaim[],
): Promise<PublishReport> {
  const built: Built[] = [];
  for (const claim of claims) {
    try {
      const sources = await gatherDigestSources(deps.repositories, claim.partnership, deps.clock.now());
      built.push({
        claim,
        customer: compileCustomerDigest(sources),
        internal: compileInternalDigest(sources),
        customerPost: claim.record.customerMessage ? { ts: claim.record.customerMessage.ts } : null,
      });
    } catch (error) {
      // One partnership that cannot be read must not hold up the others; its lease runs out and the
      // digest is tried again by the next tick after it.
      deps.logger.event('error', 'digest could not be built', {
        digest: claim.record.id,
        ...errorFields(error),
      });
    }
  }
  const pacing = { clock: deps.clock, sleep: deps.sleep, ...deps.pacing };
  // Messages whose post failed in a way that leaves unknown whether Slack stored it: a retry looks first.
  const unsure = new Set<string>();
  const customers = await postPaced(
    built.filter((b) => b.customerPost === null).map((b) => ({ channelId: b.customer.channelId, b })),
    ({ b }) =>
      postDigestMessage(
        deps,
        b.claim,
        'customerMessage',
        b.customer.channelId,
        buildCustomerDigestMessage(b.customer, deps.clock.now()),
        unsure,
      ),
    pacing,
  );
  for (const outcome of customers)
    outcome.job.b.customerPost = outcome.ok ? { ts: outcome.value } : { error: outcome.error };
  tell(deps, 'customer', customers);

  const pending = built.filter((b) => b.claim.record.internalMessage === null);
  const destinations = await Promise.all(pending.map((b) => internalDestination(deps, b.claim.partnership)));
  const internals = await postPaced(
    pending.map((b, i) => ({ channelId: destinations[i] as string, b })),
    ({ b, channelId }) => {
      const refused =
        b.customerPost && 'error' in b.customerPost
          ? [{ slot: b.claim.record.slot, error: b.customerPost.error }]
          : [];
      const internal = { ...b.internal, failedDigests: [...refused, ...b.internal.failedDigests] };
      return postDigestMessage(
        deps,
        b.claim,
        'internalMessage',
        channelId,
        buildInternalDigestMessage(internal, deps.clock.now()),
        unsure,
      );
    },
    pacing,
  );
  tell(deps, 'internal', internals);
  const internalErrors = new Map(internals.flatMap((o) => (o.ok ? [] : [[o.job.b, o.error] as const])));

  const report: PublishReport = { posted: 0, failed: 0, lost: 0 };
  for (const b of built) {
    const customerError = b.customerPost && 'error' in b.customerPost ? b.customerPost.error : null;
    const internalError = internalErrors.get(b) ?? null;
    if (customerError === LOST || internalError === LOST) {
      report.lost++;
      continue;
    }
    const error = customerError ?? (internalError ? `internal digest: ${internalError}` : null);
    const finished = await deps.repositories.digests.finish(b.claim.record.id, b.claim.token, {
      state: customerError ? 'failed' : 'posted',
      period: b.customer.period,
      error,
      finishedAt: deps.clock.now(),
    });
    if (!finished) report.lost++;
    else if (customerError) report.failed++;
    else {
      report.posted++;
      await deps.posted?.(b.claim);
    }
    if (error) {
      deps.logger.event('warn', 'digest not fully posted', { digest: b.claim.record.id, error });
    }
  }
  return report;
}

function tell(
  deps: DigestPublisherDeps,
  audience: 'customer' | 'internal',
  outcomes: ({ ok: true } | { ok: false; error: string })[],
): void {
  for (const o of outcomes) deps.onPost?.(audience, o.ok ? 'posted' : o.error === LOST ? 'lost' : 'failed');
}

/** The triage channel while it is internal; otherwise (none, or shared since setup) the owner, by DM. */
const internalDestination = async (deps: DigestPublisherDeps, p: DigestClaim['partnership']) =>
  (await internalTriageChannel(deps, p, 'internal digest sent to the owner')) ?? p.ownerId;

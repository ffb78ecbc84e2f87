/**
 * Scheduled work across many installed workspaces: one workspace whose Slack hangs (every call made with
 * its token goes unanswered) does not keep the others' reminders, approvals and digests from happening
 * within their minute, even when the jobs visit one workspace at a time; its own work is done once, as
 * soon as its Slack answers again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installWorkspace } from '../support/oauth-install.js';
import { type Harness, startHarness } from '../support/rapport-harness.js';
import { storeKinds } from '../support/stores.js';
import { TestClock } from '../support/test-clock.js';
import {
  type DueCounts,
  fakeSlackWorld,
  seedWorkspace,
  TICK_AT,
  type WorkspaceWorld,
  workspaceWorld,
} from '../support/workspace-world.js';

/** Real time a tick waits for one workspace: what the hang costs the others, at most, per job. */
const LIMIT_MS = 3_000;
const MINUTE_JOBS = ['reminders', 'approvals', 'digests', 'effects'];
const [slow, ...others] = [0, 1, 2].map((w) => workspaceWorld(w, 2)) as [WorkspaceWorld, ...WorkspaceWorld[]];
const counts: DueCounts = { partnerships: 2, dueAsks: 1, dueApprovals: 1, dueDigests: 1 };

describe.each(storeKinds())('scheduled work across workspaces ($name store)', (kind) => {
  let h: Harness;
  let clock: TestClock;

  beforeEach(async (context) => {
    if (!kind.available) context.skip();
    clock = new TestClock(new Date(TICK_AT.getTime() - 10 * 60_000));
    // One workspace at a time, the hung one first: only the time limit lets the others have their turn.
    h = await startHarness(kind.freshLocation(), {
      distribution: true,
      clock,
      jobs: { concurrency: 1, workspaceTimeLimitMs: LIMIT_MS },
    });
    const world = fakeSlackWorld([slow, ...others]);
    for (const user of world.users) h.fake.addUser(user);
    for (const channel of world.channels) h.fake.addChannel(channel);
    for (const w of [slow, ...others]) {
      await installWorkspace(h, { teamId: w.teamId, teamName: w.teamId, userId: w.owner });
      // The slow one has no approval: an expiry's effects run outside the jobs (see the effects runner).
      const own = w === slow ? { ...counts, dueApprovals: 0 } : counts;
      await seedWorkspace(await h.rapport.store.workspace(`T${w.teamId}`), w, own);
      clock.advance(1); // installed one after another: the slow one is listed first
    }
    clock.set(TICK_AT);
  });
  afterEach(async () => {
    if (!h) return;
    h.fake.releaseHeld();
    expect(h.fake.violations).toEqual([]);
    await h.stop();
  });

  const tick = async () => {
    const began = performance.now();
    await Promise.all(MINUTE_JOBS.map((job) => h.rapport.runJob(job)));
    return performance.now() - began;
  };
  /** Where each message went and what it is (its metadata key), for the posts made with `w`'s token. */
  const postsOf = (w: WorkspaceWorld) =>
    h.fake
      .callsTo('chat.postMessage')
      .filter((c) => c.token === h.fake.botTokenOf(w.teamId) && c.response.ok === true)
      .map((c) => `${c.args.channel} ${c.args.metadata?.event_payload?.key}`)
      .sort();
  /** The owner's reminder, both digests of the first partnership, and for the others its approval's expiry. */
  const expectedPosts = (w: WorkspaceWorld) => {
    const [shared] = w.channels;
    const digest = `digest:${w.teamId}-p0@${TICK_AT.toISOString()}`;
    const approval = `approval:${w.teamId}-p0-ap1`;
    return [
      `${w.owner} reminder`,
      `${shared} ${digest}:customer`,
      `${w.triage} ${digest}:internal`,
      ...(w === slow ? [] : [`${shared} ${approval}:card`, `${shared} ${approval}:notice:2`]),
    ].sort();
  };
  /** A figure of /metrics, 0 when it is not there. */
  const metric = async (series: string) => {
    const text = await (await fetch(`http://127.0.0.1:${h.rapport.port}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return Number(line?.slice(series.length + 1) ?? 0);
  };
  const runs = (job: string, outcome: string) =>
    metric(`rapport_job_workspace_runs_total{job="${job}",outcome="${outcome}"}`);
  const logged = (msg: string, job: string) =>
    h.logs
      .filter((line) => line.includes(`"msg":"${msg}"`) && line.includes(`"job":"${job}"`))
      .map((line) => JSON.parse(line).workspace);

  it('posts the other workspaces’ reminders and digests and expires their approvals within the tick', async () => {
    h.fake.holdCalls('*', { team: slow.teamId });

    const ms = await tick();

    // Each job waited for the hung workspace once, up to its limit, the three jobs side by side.
    expect(ms).toBeGreaterThanOrEqual(LIMIT_MS - 50);
    expect(ms).toBeLessThan(LIMIT_MS + 4_000);
    for (const w of others) {
      expect(postsOf(w)).toEqual(expectedPosts(w));
      const approvals = (await h.rapport.store.workspace(`T${w.teamId}`)).approvals;
      expect((await approvals.findById(`${w.teamId}-p0-ap1`))?.state).toBe('expired');
    }
    expect(postsOf(slow)).toEqual([]);
    expect(h.fake.heldCalls.length).toBeGreaterThan(0);
    for (const job of ['reminders', 'digests']) {
      expect(logged('workspace run passed its time limit: the tick goes on without it', job)).toEqual([
        `T${slow.teamId}`,
      ]);
      expect(await runs(job, 'over_time')).toBe(1);
      expect(await runs(job, 'done')).toBe(others.length);
    }
    expect(await metric('rapport_job_tick_duration_seconds_count{job="digests"}')).toBe(1);
    expect(await metric('rapport_job_tick_duration_seconds_sum{job="digests"}')).toBeGreaterThan(
      (LIMIT_MS - 50) / 1000,
    );
    // Neither touches Slack in the hung workspace: its approval and its effects owe nothing.
    for (const job of ['approvals', 'effects']) expect(await runs(job, 'done')).toBe(others.length + 1);
  });

  it('skips the hung workspace while its run goes on, then does its work once when Slack answers', async () => {
    h.fake.holdCalls('*', { team: slow.teamId });
    await tick();
    clock.advance(1);
    await tick();
    for (const job of ['reminders', 'digests']) {
      expect(logged('workspace skipped: its previous run of the job is still going', job)).toEqual([
        `T${slow.teamId}`,
      ]);
      expect(await runs(job, 'skipped')).toBe(1);
    }

    // Slack answers again: the runs let go on finish their work, and the next ticks add nothing.
    h.fake.releaseHeld();
    await h.rapport.settled();
    // settled() waited for the runs let go on: the held digest is recorded before the next ticks.
    const slowDigests = (await h.rapport.store.workspace(`T${slow.teamId}`)).digests;
    const digestStates = async () =>
      (await slowDigests.listRecent(`${slow.teamId}-p0`, 5)).map((d) => d.state);
    expect(await digestStates()).toEqual(['posted']);
    clock.advance(1);
    await tick();
    clock.advance(1);
    await tick();
    for (const w of [slow, ...others]) expect(postsOf(w)).toEqual(expectedPosts(w));
    expect(await digestStates()).toEqual(['posted']);
  });
});

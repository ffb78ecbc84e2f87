import { isDeepStrictEqual } from 'node:util';
import { installationKey } from '../slack/oauth/installation-store.js';
import { repositoryCollections, workspacePrefix } from '../store/collections.js';
import type { StoreLocation } from '../store/open-store.js';
import { CliError } from './cli-error.js';
import type { Io } from './commands.js';
import type { OpenCollection } from './open-collections.js';
import { withStore } from './open-for-moving.js';
import { createProgress, type Progress } from './progress.js';
import { readDocuments } from './read-documents.js';

/**
 * What one collection needs: `copy` its documents into the workspace's collection (empty, or holding
 * copies from an interrupted run) and then empty it; only `empty` it (a run copied everything and was
 * stopped while emptying); or nothing (it holds no document).
 */
type Step = 'copy' | 'empty' | 'none';

interface Move {
  from: string;
  into: string;
  step: Step;
}

/**
 * Moves a single-token deployment's data (the unprefixed collections) into the collections of its
 * workspace in distribution (`workspace.T<team id>.*`), for when it switches to OAuth distribution.
 * Installations stay where they are. Every collection is checked before anything is written: the
 * workspace's collections may hold only copies of the documents being moved, so data is never merged.
 * A run that stops half-way (a crash, the server away) is finished by running the command again.
 */
export async function runMoveToWorkspace(location: StoreLocation, teamId: string, io: Io): Promise<void> {
  if (!/^T[A-Z0-9]+$/.test(teamId))
    throw new CliError(`--team ${teamId || '(missing)'}: not a team id (T…)`, 2);
  const key = installationKey({ teamId });
  await withStore(
    location,
    io.stderr,
    async ({ open, where }) => {
      const moves: Move[] = [];
      for (const { name } of repositoryCollections) {
        const into = `${workspacePrefix(key)}${name}`;
        moves.push({ from: name, into, step: await stepFor(open, name, into) });
      }
      if (moves.every((move) => move.step === 'none')) {
        throw new CliError(`nothing to move: ${where} holds no single-workspace data (moved already?).`);
      }
      const progress = createProgress('moved', io.stderr);
      try {
        for (const move of moves) if (move.step === 'copy') await copyAll(open, move, progress);
        for (const move of moves) if (move.step !== 'none') await (await open(move.from)).deleteMany({});
      } catch (error) {
        throw new CliError(
          `${(error as Error).message}\nNothing is lost: run the same command again to finish the move.`,
        );
      }
      progress.summary();
      io.stderr(
        `Done: ${where} holds the data of team ${teamId} in its ${workspacePrefix(key)}* collections. ` +
          'Set the distribution settings, start Rapport and install it in that workspace through /slack/install.\n',
      );
    },
    true,
  );
}

async function stepFor(open: OpenCollection, from: string, into: string): Promise<Step> {
  if ((await (await open(from)).count({})) === 0) return 'none';
  if (await holdsOnlyCopies(open, into, from)) return 'copy';
  if (await holdsOnlyCopies(open, from, into)) return 'empty';
  throw new CliError(
    `${into} holds documents that are not copies of ${from}'s: that workspace has data of its own, ` +
      'and data is never merged. Nothing was moved.',
  );
}

/** Whether every document of collection `name` is also in collection `of`, the same. */
async function holdsOnlyCopies(open: OpenCollection, name: string, of: string): Promise<boolean> {
  const other = await open(of);
  for await (const { document } of readDocuments(open, [{ name, keep: () => true }])) {
    if (!isDeepStrictEqual(await other.findOne({ _id: document._id }), document)) return false;
  }
  return true;
}

/** Inserts what the workspace's collection lacks (a duplicate is an earlier run's copy), then checks the count. */
async function copyAll(open: OpenCollection, { from, into }: Move, progress: Progress): Promise<void> {
  const target = await open(into);
  for await (const { document } of readDocuments(open, [{ name: from, keep: () => true }])) {
    await target.insertOne(document);
    progress.count(into);
  }
  const [held, expected] = [await target.count({}), await (await open(from)).count({})];
  if (held !== expected) throw new Error(`${into} holds ${held} documents but ${from} ${expected}`);
}

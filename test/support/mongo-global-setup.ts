/**
 * vitest globalSetup: decides which MongoDB the suites talk to and provides its URI as `mongoUri`.
 *
 * 1. MONGODB_URI is set        -> use that (a real MongoDB); nothing is started.
 * 2. Java 17+ and Maven found  -> start an in-memory mongo-java-server (see ./mongo-server.ts).
 * 3. Otherwise                 -> on CI (CI=true) fail the run; locally warn loudly and provide '' so the
 *                                 MongoDB suites skip themselves (see hasMongo() in ./mongo.ts).
 *
 * The teardown merges the query shapes the adapter sent (./mongo-command-recorder.ts) into one file for
 * the index check, noting which MongoDB was used ('none' when the suites skipped).
 */
import type { TestProject } from 'vitest/node';
import { mergeRecordedShapes, newRecordingDir, type RecordedShapes } from './mongo-command-recorder.js';
import { javaToolsAvailable, startMongoJavaServer } from './mongo-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** MongoDB connection string, or '' when no MongoDB is available (suites skip). */
    mongoUri: string;
    /** The folder where the workers record the adapter's query shapes (./mongo-command-recorder.ts). */
    mongoShapesDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const shapesDir = newRecordingDir();
  project.provide('mongoShapesDir', shapesDir);
  const started = await provideMongo(project);
  return async () => {
    await started.stop?.();
    mergeRecordedShapes(shapesDir, started.mongo);
  };
}

interface ProvidedMongo {
  mongo: RecordedShapes['mongo'];
  stop?: () => Promise<void>;
}

async function provideMongo(project: TestProject): Promise<ProvidedMongo> {
  const external = process.env.MONGODB_URI?.trim();
  if (external) {
    project.provide('mongoUri', external);
    return { mongo: 'external' };
  }

  const tools = javaToolsAvailable();
  let reason: string;
  if (tools.ok) {
    try {
      const server = await startMongoJavaServer();
      project.provide('mongoUri', server.uri);
      return { mongo: 'mongo-java-server', stop: () => server.stop() };
    } catch (error) {
      reason = `starting mongo-java-server failed: ${error instanceof Error ? error.message : String(error)}`;
      if (process.env.CI === 'true')
        throw new Error(`MongoDB test suites cannot run: ${reason}`, { cause: error });
    }
  } else {
    reason = `${tools.missing} is not available`;
    if (process.env.CI === 'true') {
      throw new Error(
        `MongoDB test suites cannot run without Java 17+ and Maven (${reason}). ` +
          'Install both (they start an in-memory mongo-java-server) or set MONGODB_URI to a real MongoDB. ' +
          'CI must not skip these suites.',
      );
    }
  }

  const bar = '!'.repeat(100);
  process.stderr.write(
    [
      '',
      bar,
      '!!! WARNING: ALL MONGODB TEST SUITES WILL BE SKIPPED',
      `!!! Reason: ${reason}`,
      '!!! The tests start an in-memory MongoDB (mongo-java-server), which needs Java 17+ and Maven on',
      '!!! PATH (jars are fetched from Maven Central into .cache/ on first run).',
      '!!! Alternatively set MONGODB_URI=mongodb://... to run them against a real MongoDB.',
      '!!! On CI (CI=true) this is an error instead of a skip.',
      bar,
      '',
      '',
    ].join('\n'),
  );
  project.provide('mongoUri', '');
  return { mongo: 'none' };
}

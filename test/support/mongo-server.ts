/**
 * Starts a real MongoDB-wire-protocol server for the test suite: mongo-java-server (in-memory backend),
 * resolved from Maven Central on first use, driven by test/support/mongo-server/MongoLauncher.java.
 *
 * Jars are cached in <repo>/.cache/mongo-java-server/lib (gitignored); the cache is keyed by a hash of
 * test/support/mongo-server/pom.xml, so bumping the version there re-resolves them. The launcher is
 * compiled once into .cache/mongo-java-server/launcher-<hash> (falls back to Java's source-file mode).
 */
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SUPPORT_DIR = join(REPO_ROOT, 'test', 'support', 'mongo-server');
const POM = join(SUPPORT_DIR, 'pom.xml');
const LAUNCHER = join(SUPPORT_DIR, 'MongoLauncher.java');
const CACHE_DIR = join(REPO_ROOT, '.cache', 'mongo-java-server');
const LIB_DIR = join(CACHE_DIR, 'lib');
/** Lives inside the lib dir, so the jars and the hash they were resolved for are replaced together. */
const STAMP_FILE = '.pom-sha256';

const STARTUP_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;
const MAX_CAPTURED_OUTPUT = 64 * 1024;
/** Debian's mvn prints colour codes even with -B. */
const ANSI_ESCAPES = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

export interface MongoJavaServer {
  /** e.g. mongodb://127.0.0.1:41234/?directConnection=true */
  uri: string;
  port: number;
  /** Shuts the server down (all data is lost) and resolves once the process has exited and the port is free. */
  stop(): Promise<void>;
}

export type JavaToolsCheck = { ok: true } | { ok: false; missing: string };

/** Checks that `java` (17+, needed by mongo-java-server 1.47) and `mvn` can be run. */
export function javaToolsAvailable(): JavaToolsCheck {
  const java = spawnSync('java', ['-version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 30_000,
  });
  if (java.error || java.status !== 0) {
    return { ok: false, missing: `Java 17+ (\`java -version\` failed: ${describeSpawnFailure(java)})` };
  }
  // `java -version` prints e.g. `openjdk version "17.0.15" 2025-04-15` (or `"1.8.0_402"` on Java 8) to stderr.
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${java.stderr}${java.stdout}`);
  if (match) {
    const major = match[1] === '1' ? Number(match[2]) : Number(match[1]);
    if (major < 17) return { ok: false, missing: `Java 17+ (found Java ${major})` };
  }
  const mvn = spawnSync('mvn', ['-v'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 30_000,
  });
  if (mvn.error || mvn.status !== 0) {
    return { ok: false, missing: `Maven (\`mvn -v\` failed: ${describeSpawnFailure(mvn)})` };
  }
  return { ok: true };
}

function describeSpawnFailure(result: ReturnType<typeof spawnSync>): string {
  if (result.error) return result.error.message;
  const output = `${String(result.stderr ?? '')}${String(result.stdout ?? '')}`.trim();
  return `exit code ${result.status ?? result.signal}${output ? `: ${output.slice(0, 500)}` : ''}`;
}

/**
 * Makes sure the mongo-java-server jars are in .cache/mongo-java-server/lib and returns that directory.
 * Runs Maven only when the jars are missing or were resolved for a different pom.xml.
 */
export async function ensureMongoServerJars(): Promise<string> {
  const pomHash = createHash('sha256')
    .update(await readFile(POM))
    .digest('hex');
  if (await isResolved(LIB_DIR, pomHash)) return LIB_DIR;

  await mkdir(CACHE_DIR, { recursive: true });
  // Resolve into a private directory and rename it into place, so two concurrent test runs never see a
  // half-filled lib dir.
  const tmpDir = join(CACHE_DIR, `lib.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const args = ['-B', '-q', 'dependency:copy-dependencies', `-DoutputDirectory=${tmpDir}`, '-f', POM];
    process.stderr.write(`Resolving mongo-java-server jars with Maven into ${LIB_DIR} (first run only)...\n`);
    const result = await run('mvn', args);
    if (result.code !== 0) {
      throw new Error(
        `Resolving mongo-java-server with Maven failed (mvn ${args.join(' ')} exited with ${result.code}):\n` +
          result.output,
      );
    }
    const jars = (await readdir(tmpDir)).filter((name) => name.endsWith('.jar'));
    if (jars.length === 0) {
      throw new Error(`mvn ${args.join(' ')} succeeded but copied no jars into ${tmpDir}:\n${result.output}`);
    }
    await writeFile(join(tmpDir, STAMP_FILE), `${pomHash}\n`);
    await rm(LIB_DIR, { recursive: true, force: true });
    try {
      await rename(tmpDir, LIB_DIR);
    } catch (error) {
      // Another test run won the race; fine if it resolved the same pom.
      if (!(await isResolved(LIB_DIR, pomHash))) throw error;
    }
    return LIB_DIR;
  } finally {
    await rm(tmpDir, { recursive: true, force: true });
  }
}

async function isResolved(libDir: string, pomHash: string): Promise<boolean> {
  try {
    const stamp = (await readFile(join(libDir, STAMP_FILE), 'utf8')).trim();
    if (stamp !== pomHash) return false;
    return (await readdir(libDir)).some((name) => name.endsWith('.jar'));
  } catch {
    return false;
  }
}

function run(command: string, args: string[]): Promise<{ code: number | string; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-MAX_CAPTURED_OUTPUT);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const clean = () => output.replace(ANSI_ESCAPES, '');
    child.on('error', (error) => resolve({ code: error.message, output: clean() }));
    child.on('close', (code, signal) => resolve({ code: code ?? signal ?? 'unknown', output: clean() }));
  });
}

/**
 * MongoLauncher.java runs fine in Java's source-file mode, but that compiles it on every start (~1.5 s more
 * per start on a busy 2-core machine). Compile it once with javac into .cache, keyed by the source and the
 * jars it was compiled against. Returns the class directory, or undefined to fall back to source-file mode.
 */
async function compiledLauncher(libDir: string): Promise<string | undefined> {
  const hash = createHash('sha256')
    .update(await readFile(LAUNCHER))
    .update(await readFile(join(libDir, STAMP_FILE)))
    .digest('hex')
    .slice(0, 16);
  const classDir = join(CACHE_DIR, `launcher-${hash}`);
  if (existsSync(join(classDir, 'MongoLauncher.class'))) return classDir;
  const tmpDir = `${classDir}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const result = await run('javac', ['-nowarn', '-d', tmpDir, '-cp', join(libDir, '*'), LAUNCHER]);
    if (result.code !== 0) return undefined; // e.g. no javac on PATH; source-file mode reports real errors
    await rename(tmpDir, classDir).catch(() => {}); // a concurrent run may have won; same content
    return existsSync(join(classDir, 'MongoLauncher.class')) ? classDir : undefined;
  } finally {
    await rm(tmpDir, { recursive: true, force: true });
  }
}

/**
 * Starts an in-memory mongo-java-server on 127.0.0.1 (port 0 = any free port). Every server starts empty.
 * The process also exits by itself when this Node process dies (its stdin reaches EOF).
 */
export async function startMongoJavaServer(opts: { port?: number } = {}): Promise<MongoJavaServer> {
  const libDir = await ensureMongoServerJars();
  const launcher = await compiledLauncher(libDir);
  const classPath = launcher ? `${join(libDir, '*')}${delimiter}${launcher}` : join(libDir, '*');
  const child = spawn(
    'java',
    [
      // slf4j-api without a provider would print a three-line notice on every start.
      '-Dslf4j.internal.verbosity=ERROR',
      '-XX:+UseSerialGC',
      '-XX:TieredStopAtLevel=1',
      '-Xmx512m',
      '-cp',
      classPath,
      launcher ? 'MongoLauncher' : LAUNCHER,
      '127.0.0.1',
      String(opts.port ?? 0),
    ],
    { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
  );

  let stderr = '';
  const onStderr = (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-MAX_CAPTURED_OUTPUT);
  };
  child.stderr.on('data', onStderr);
  // The launcher only reads stdin to detect EOF; ignore EPIPE if it is already gone.
  child.stdin.on('error', () => {});

  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const fail = (message: string) => {
      cleanup();
      child.kill('SIGKILL');
      reject(new Error(`${message}${stderr.trim() ? `\nstderr:\n${stderr.trim()}` : ''}`));
    };
    const onLine = (line: string) => {
      const match = /^LISTENING (\d+)$/.exec(line.trim());
      if (!match) return;
      cleanup();
      resolve(Number(match[1]));
    };
    // 'close' (not 'exit') so that everything the process wrote to stderr has been collected.
    const onClose = (code: number | null, signal: NodeJS.Signals | null) =>
      fail(`mongo-java-server exited before it was ready (code ${code}, signal ${signal})`);
    const onError = (error: Error) => fail(`Could not start java for mongo-java-server: ${error.message}`);
    const timer = setTimeout(
      () => fail(`mongo-java-server did not report LISTENING within ${STARTUP_TIMEOUT_MS / 1000} s`),
      STARTUP_TIMEOUT_MS,
    );
    function cleanup() {
      clearTimeout(timer);
      lines.off('line', onLine);
      child.off('close', onClose);
      child.off('error', onError);
    }
    lines.on('line', onLine);
    child.on('close', onClose);
    child.on('error', onError);
  });

  // From here on, pass anything the server says on stderr through (it is silent unless something is wrong),
  // and don't let the process keep Node alive: if nobody calls stop(), it exits with us via stdin EOF.
  child.stderr.off('data', onStderr);
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(`[mongo-java-server:${port}] ${chunk}`));
  child.stdout.resume();
  unref(child);

  let stopping: Promise<void> | undefined;
  return {
    uri: `mongodb://127.0.0.1:${port}/?directConnection=true`,
    port,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.stdin.end();
          child.kill('SIGTERM');
          const killTimer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
          await exited;
          clearTimeout(killTimer);
        }
      })();
      return stopping;
    },
  };
}

function unref(child: ChildProcessWithoutNullStreams): void {
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) {
    (stream as unknown as { unref?: () => void }).unref?.();
  }
}

/**
 * Child processes run compiled JavaScript, not TypeScript through tsx: tsx's loader adds about 40 MB of
 * resident memory (its hooks run in a thread of their own) and would blur every memory figure. The whole
 * project is compiled with its own tsconfig into a fresh folder under .cache/ (inside the repository, so
 * that packages resolve from node_modules), and removed afterwards.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CompiledBench {
  /** The compiled file of a repository path such as 'bench/support/app-child.ts'. */
  script(path: string): string;
  remove(): void;
}

export function compileBench(required: string[]): CompiledBench {
  // BENCH_PREBUILT=<folder> runs children compiled beforehand (e.g. from another revision) and keeps them.
  const prebuilt = process.env.BENCH_PREBUILT;
  if (prebuilt) {
    console.log(`child processes from ${prebuilt} (BENCH_PREBUILT)`);
    return { script: (path) => join(prebuilt, path.replace(/\.ts$/, '.js')), remove: () => {} };
  }
  const parent = join(REPO_ROOT, '.cache', 'bench');
  mkdirSync(parent, { recursive: true });
  const outDir = mkdtempSync(join(parent, 'build-'));
  const began = performance.now();
  const tsc = spawnSync(
    process.execPath,
    [join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--outDir', outDir],
    { cwd: REPO_ROOT, encoding: 'utf8' },
  );
  const script = (path: string) => join(outDir, path.replace(/\.ts$/, '.js'));
  const missing = required.filter((path) => !existsSync(script(path)));
  if (missing.length > 0) {
    rmSync(outDir, { recursive: true, force: true });
    throw new Error(`compiling for the child processes failed:\n${tsc.stdout}${tsc.stderr}`);
  }
  // Type errors elsewhere (work in progress in other files) do not stop tsc from emitting.
  const errors = (tsc.stdout.match(/error TS\d+/g) ?? []).length;
  console.log(
    `compiled for the child processes in ${((performance.now() - began) / 1000).toFixed(1)} s` +
      (errors > 0 ? ` (tsc reported ${errors} type errors; emitted anyway)` : ''),
  );
  return { script, remove: () => rmSync(outDir, { recursive: true, force: true }) };
}

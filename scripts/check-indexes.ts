/**
 * npm run indexes: checks every MongoDB query shape the last test run recorded (the adapter's commands
 * during the contract and end-to-end suites, .cache/mongo-query-shapes.json) against the indexes the
 * adapter creates, and fails on a collection scan or an in-memory sort not listed, with its reason, in
 * scripts/check-indexes-allowlist.json.
 *   --write-docs   also rewrites the table in docs/benchmarks.md ("MongoDB query shapes and their indexes")
 * A run whose MongoDB suites were skipped (no Java or Maven locally) is reported as skipped; on CI
 * (CI=true) it fails, as does a missing or empty recording anywhere.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { collectionSpecNamed } from '../src/store/collections.js';
import { RECORDED_SHAPES_FILE, type RecordedShapes } from '../test/support/mongo-command-recorder.js';
import { describeVerdict, mongoIndexesOf, planFor, type Verdict } from '../test/support/mongo-index-rules.js';
import { formatShape } from '../test/support/mongo-query-shapes.js';

const ALLOWLIST_FILE = fileURLToPath(new URL('./check-indexes-allowlist.json', import.meta.url));
const DOCS_FILE = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
const HEADING = '## MongoDB query shapes and their indexes';

interface Row {
  shape: string;
  verdict: Verdict;
  allowed?: string;
}

function fail(message: string): never {
  process.stderr.write(`indexes: ${message}\n`);
  process.exit(1);
}

function readRecording(): RecordedShapes {
  if (!existsSync(RECORDED_SHAPES_FILE))
    fail(`nothing recorded (${RECORDED_SHAPES_FILE}): run \`npm test\` first`);
  const recorded = JSON.parse(readFileSync(RECORDED_SHAPES_FILE, 'utf8')) as RecordedShapes;
  if (recorded.mongo === 'none') {
    if (process.env.CI === 'true') fail('the MongoDB suites were skipped, so no query shape was checked');
    process.stdout.write('indexes: skipped: no MongoDB run (the MongoDB suites were skipped)\n');
    process.exit(0);
  }
  if (recorded.shapes.length === 0) fail('the last test run recorded no MongoDB query: run the whole suite');
  return recorded;
}

function checkShapes(recorded: RecordedShapes, allowlist: Record<string, string>): Row[] {
  return recorded.shapes.map((shape) => {
    const spec = collectionSpecNamed(shape.collection) ?? { name: shape.collection, indexes: [] };
    const row: Row = { shape: formatShape(shape), verdict: planFor(shape, mongoIndexesOf(spec)) };
    // `*: <shape>` lists a shape on every collection (the command-line tool's whole-collection reads).
    const reason = allowlist[row.shape] ?? allowlist[`*: ${row.shape.slice(shape.collection.length + 2)}`];
    return reason === undefined ? row : { ...row, allowed: reason };
  });
}

function table(rows: Row[], recorded: RecordedShapes): string {
  const served = rows.filter((r) => r.verdict.kind === 'index').length;
  const lines = [
    HEADING,
    '',
    `Every query the MongoDB adapter sent during the contract and end-to-end suites, reduced to its shape`,
    `(fields and operator kinds, no values), checked against the indexes the adapter creates by MongoDB's`,
    `rules (equality, then sort, then range; prefix use) with \`npm run indexes\`. ${rows.length} shapes,`,
    `${served} served by an index; the others are listed with their reason in`,
    '`scripts/check-indexes-allowlist.json`, and `npm run check` fails on any new one. "Then filters" names the',
    'fields checked on the fetched documents rather than bounded by the index.',
    `Recorded on ${recorded.mongo}; regenerate with \`npm test && npm run indexes -- --write-docs\`.`,
    '',
    '| Query shape | Index used | Then filters / reason |',
    '| --- | --- | --- |',
  ];
  for (const row of rows) {
    const residual = row.verdict.kind === 'collection scan' ? [] : row.verdict.residual;
    const note = row.allowed ?? residual.join(', ');
    lines.push(`| \`${row.shape}\` | ${describeVerdict(row.verdict)} | ${note.replaceAll('|', '\\|')} |`);
  }
  return `${lines.join('\n')}\n`;
}

/** The section replaced in place (up to the next `## ` heading), or appended. */
function withSection(markdown: string, section: string): string {
  const start = markdown.indexOf(`${HEADING}\n`);
  if (start === -1) return `${markdown.trimEnd()}\n\n${section}`;
  const next = markdown.indexOf('\n## ', start + HEADING.length);
  const rest = next === -1 ? '' : markdown.slice(next + 1);
  return `${markdown.slice(0, start)}${section}${rest ? `\n${rest}` : ''}`;
}

const recorded = readRecording();
const allowlist = JSON.parse(readFileSync(ALLOWLIST_FILE, 'utf8')) as Record<string, string>;
const rows = checkShapes(recorded, allowlist);
const markdown = readFileSync(DOCS_FILE, 'utf8');
const updated = withSection(markdown, table(rows, recorded));
if (process.argv.includes('--write-docs')) writeFileSync(DOCS_FILE, updated);
else if (updated !== markdown) {
  process.stdout.write(
    'indexes: docs/benchmarks.md lists other shapes: run `npm run indexes -- --write-docs`\n',
  );
}

const count = (kind: Verdict['kind']) => rows.filter((r) => r.verdict.kind === kind).length;
process.stdout.write(
  `indexes: ${rows.length} query shapes recorded on ${recorded.mongo}: ${count('index')} served by an index, ` +
    `${count('in-memory sort')} in-memory sort, ${count('collection scan')} collection scan ` +
    `(${rows.filter((r) => r.allowed).length} allowlisted)\n`,
);
const recordedShapes = new Set(
  rows.flatMap((r) => [r.shape, `*: ${r.shape.slice(r.shape.indexOf(': ') + 2)}`]),
);
for (const shape of Object.keys(allowlist).filter((s) => !recordedShapes.has(s))) {
  process.stdout.write(`indexes: allowlisted but not recorded (remove it if gone): ${shape}\n`);
}
const unindexed = rows.filter((r) => r.verdict.kind !== 'index' && r.allowed === undefined);
if (unindexed.length > 0) {
  fail(
    `${unindexed.length} query shapes no index serves; add an index to the repository's CollectionSpec, or ` +
      `list the shape with its reason in scripts/check-indexes-allowlist.json:\n${unindexed
        .map((r) => `  ${r.shape}  ->  ${describeVerdict(r.verdict)}`)
        .join('\n')}`,
  );
}

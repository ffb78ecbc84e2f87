/** Where the tracker stands on an issue, in words every tracker can be mapped to. */
export type IssuePhase = 'open' | 'started' | 'completed' | 'declined';

/** Where an issue stands in its tracker's own words (GitHub `not_planned`), and what that means for the ask. */
export interface IssueStatus {
  phase: IssuePhase;
  /** The tracker's state in plain words, told to the customer when it declines the ask: "closed as not planned". */
  label: string;
}

/** A tracker's native states by name, in plain words, with the phase each means by default (null: none). */
export type StateTable = Readonly<Record<string, { label: string; phase: IssuePhase | null }>>;

/** A workspace's changes to a tracker's defaults: native state -> phase (null: the state moves nothing). */
export type StatusMap = Readonly<Record<string, IssuePhase | null>>;

const PHASES: readonly IssuePhase[] = ['open', 'started', 'completed', 'declined'];
/** How a mapping says a state moves nothing. */
const IGNORE = 'ignore';

/** The status a native state means under `table` as `overrides` change it; null for a state that moves nothing. */
export function issueStatus(table: StateTable, overrides: StatusMap, native: string): IssueStatus | null {
  const state = table[native];
  if (!state) return null;
  const phase = native in overrides ? (overrides[native] ?? null) : state.phase;
  return phase ? { phase, label: state.label } : null;
}

/**
 * Reads a mapping as people write it: `not_planned=declined, duplicate=ignore` (commas or new lines).
 * Every state must be one of the tracker's, every phase one of open, started, completed, declined, ignore.
 */
export function parseStatusMap(
  table: StateTable,
  text: string,
): { ok: true; map: StatusMap } | { ok: false; message: string } {
  const map: Record<string, IssuePhase | null> = {};
  const states = Object.keys(table).join(', ');
  for (const pair of text
    .split(/[,\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [native = '', phase = '', extra] = pair.split('=').map((p) => p.trim());
    if (extra !== undefined || !native || !phase)
      return { ok: false, message: `Write each as state=phase, like not_planned=declined (not "${pair}").` };
    if (!(native in table)) return { ok: false, message: `${native} is not a state here: use ${states}.` };
    if (phase !== IGNORE && !(PHASES as readonly string[]).includes(phase))
      return { ok: false, message: `${phase} is not a phase: use ${[...PHASES, IGNORE].join(', ')}.` };
    map[native] = phase === IGNORE ? null : (phase as IssuePhase);
  }
  return { ok: true, map };
}

/** The whole mapping in effect, as parseStatusMap reads it: `open=open, completed=completed, …`. */
export const describeStatusMap = (table: StateTable, overrides: StatusMap): string =>
  Object.keys(table)
    .map((native) => `${native}=${issueStatus(table, overrides, native)?.phase ?? IGNORE}`)
    .join(', ');

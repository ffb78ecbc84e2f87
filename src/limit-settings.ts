import { z } from 'zod';
import type { LimitedAction, PersonLimits } from './domain/limits/person-limits.js';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/**
 * Per-person limits for people outside the vendor, each a setting. The defaults are several times what
 * a busy person does by hand, so only a script or a flood reaches them.
 */
const SETTINGS: Record<LimitedAction, { name: string; windowMs: number; fallback: number }> = {
  raise: { name: 'LIMIT_ASKS_PER_HOUR', windowMs: HOUR_MS, fallback: 20 },
  react: { name: 'LIMIT_ASK_REACTIONS_PER_HOUR', windowMs: HOUR_MS, fallback: 40 },
  details: { name: 'LIMIT_DETAILS_PER_HOUR', windowMs: HOUR_MS, fallback: 30 },
  vote: { name: 'LIMIT_VOTES_PER_HOUR', windowMs: HOUR_MS, fallback: 60 },
  form: { name: 'LIMIT_FORMS_PER_MINUTE', windowMs: MINUTE_MS, fallback: 30 },
};

const count = (fallback: number) =>
  z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce
      .number({ error: 'must be a whole number (0 turns the limit off)' })
      .int({ error: 'must be a whole number (0 turns the limit off)' })
      .min(0, { error: 'must be 0 (off) or more' })
      .max(100_000)
      .default(fallback),
  );

/** The zod shape of the limit settings, merged into the settings schema. */
export const limitSettingsShape = Object.fromEntries(
  Object.values(SETTINGS).map((s) => [s.name, count(s.fallback)]),
) as Record<string, ReturnType<typeof count>>;

/** The limits from parsed settings (or the defaults, from an empty object). */
export function personLimitsFrom(parsed: Record<string, unknown>): PersonLimits {
  const limits = {} as PersonLimits;
  for (const [action, s] of Object.entries(SETTINGS)) {
    const max = parsed[s.name];
    limits[action as LimitedAction] = {
      max: typeof max === 'number' ? max : s.fallback,
      windowMs: s.windowMs,
    };
  }
  return limits;
}

export const DEFAULT_PERSON_LIMITS: PersonLimits = personLimitsFrom({});

/** Every limit off (tests that are not about limits). */
export const NO_PERSON_LIMITS: PersonLimits = personLimitsFrom(
  Object.fromEntries(Object.values(SETTINGS).map((s) => [s.name, 0])),
);

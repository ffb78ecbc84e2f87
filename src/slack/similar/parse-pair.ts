import { z } from 'zod';

const Pair = z.object({ ask: z.string().min(1), other: z.string().min(1) });

/** A suggestion's button value: the enhancement it was shown for and the one suggested. */
export const pairValue = (askId: string, otherId: string): string =>
  JSON.stringify({ ask: askId, other: otherId });

export function parsePair(value: string | undefined): { ask: string; other: string } | null {
  try {
    const parsed = Pair.safeParse(JSON.parse(value ?? ''));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

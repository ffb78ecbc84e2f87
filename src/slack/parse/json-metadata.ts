import type { z } from 'zod';

/** Parses a view's private_metadata; null when it is not what we put there. */
export function parseMetadata<T>(text: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

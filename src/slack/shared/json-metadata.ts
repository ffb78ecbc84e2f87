import type { z } from 'zod';

/** Parses JSON we put in a view's private_metadata or a button's value; null when it is not that. */
export function parseMetadata<T>(text: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

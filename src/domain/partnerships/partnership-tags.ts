/** The most tags a partnership keeps, and the longest one: segments such as tier, plan, region. */
export const MAX_TAGS = 20;
export const TAG_MAX = 30;

const TAG = /^[a-z0-9][a-z0-9_.:/-]*$/;

/** 'Enterprise, EU  beta' -> ['beta', 'enterprise', 'eu']: lower-case, each once, sorted. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .toLowerCase()
        .split(/[\s,]+/)
        .filter(Boolean),
    ),
  ].sort();
}

/** What is wrong with `tags`, said so the person can fix it; null when they can be kept. */
export function checkTags(tags: string[]): string | null {
  if (tags.length > MAX_TAGS) return `Use at most ${MAX_TAGS} tags (there are ${tags.length}).`;
  const long = tags.find((t) => t.length > TAG_MAX);
  if (long !== undefined) return `Keep each tag to ${TAG_MAX} characters.`;
  const odd = tags.find((t) => !TAG.test(t));
  if (odd !== undefined) {
    return 'Tags are single words of letters, digits and - _ . : / (such as enterprise or eu-west), separated by commas or spaces.';
  }
  return null;
}

/** Tags shown as people write them: `enterprise, eu`. */
export const describeTags = (tags: string[]) => (tags.length === 0 ? 'none' : tags.join(', '));

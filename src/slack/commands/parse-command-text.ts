/** Splits `/rapport <sub> <rest>` into a lower-case subcommand and the untouched rest. */
export function parseCommandText(text: string): { sub: string; rest: string } {
  const trimmed = text.trim();
  const space = trimmed.search(/\s/);
  if (space === -1) return { sub: trimmed.toLowerCase(), rest: '' };
  return { sub: trimmed.slice(0, space).toLowerCase(), rest: trimmed.slice(space + 1).trim() };
}

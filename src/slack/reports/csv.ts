/** A cell a spreadsheet would run as a formula: =, +, - or @ first (tab and carriage return too, per OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A cell that must be quoted under RFC 4180: it holds a quote, a comma or a line break. */
const NEEDS_QUOTES = /[",\r\n]/;
/** Byte order mark: without it, Excel reads UTF-8 files as the local code page and garbles accents. */
export const UTF8_BOM = '\uFEFF';

/**
 * A cell as text: guarded against spreadsheet formula injection (a leading apostrophe, which
 * spreadsheets show as text and do not display), then quoted as RFC 4180 asks (quotes doubled).
 */
export function csvCell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** RFC 4180: CRLF after every record, the first being the header; with a UTF-8 byte order mark. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `${cells.map(csvCell).join(',')}\r\n`;
  return UTF8_BOM + line(header) + rows.map(line).join('');
}

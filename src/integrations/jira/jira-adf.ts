/**
 * Atlassian Document Format, the rich text of Jira's REST API v3: Rapport's issue descriptions and
 * comments (written as light Markdown: `### heading`, `- item`, `> quote`, `**bold**`, addresses) are
 * turned into it, and comments arriving as documents are read back as plain text.
 */
export interface AdfNode {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  content?: AdfNode[];
}

export interface AdfDocument extends AdfNode {
  type: 'doc';
  version: 1;
}

const INLINE = /(\*\*[^*\n]+\*\*|https?:\/\/[^\s<>]+)/;

function inline(line: string): AdfNode[] {
  return line
    .split(INLINE)
    .filter((part) => part !== '')
    .map((part) => {
      if (part.startsWith('**') && part.endsWith('**') && part.length > 4)
        return { type: 'text', text: part.slice(2, -2), marks: [{ type: 'strong' }] };
      if (/^https?:\/\//.test(part))
        return { type: 'text', text: part, marks: [{ type: 'link', attrs: { href: part } }] };
      return { type: 'text', text: part };
    });
}

const paragraph = (lines: string[]): AdfNode => ({
  type: 'paragraph',
  content: lines.flatMap((line, i) => [...(i > 0 ? [{ type: 'hardBreak' }] : []), ...inline(line)]),
});

/** One block of lines (no blank line inside) as ADF blocks: a heading, a list, a quote or a paragraph. */
function blocksOf(lines: string[]): AdfNode[] {
  const first = lines[0] ?? '';
  const heading = /^(#{1,6}) (.*)$/.exec(first);
  if (heading && lines.length === 1)
    return [{ type: 'heading', attrs: { level: heading[1]?.length }, content: inline(heading[2] ?? '') }];
  if (lines.every((line) => line.startsWith('- ')))
    return [
      {
        type: 'bulletList',
        content: lines.map((line) => ({ type: 'listItem', content: [paragraph([line.slice(2)])] })),
      },
    ];
  if (lines.every((line) => line.startsWith('>')))
    return [{ type: 'blockquote', content: [paragraph(lines.map((line) => line.replace(/^> ?/, '')))] }];
  if (heading) return [...blocksOf([first]), ...blocksOf(lines.slice(1))];
  return [paragraph(lines)];
}

export function toAdf(text: string): AdfDocument {
  const blocks = text
    .split(/\n{2,}/)
    .map((block) => block.split('\n').filter((line) => line.trim() !== ''))
    .filter((lines) => lines.length > 0);
  return { type: 'doc', version: 1, content: blocks.flatMap(blocksOf) };
}

/** The words of a comment: as sent (a string), or the text of its document, a line per block. */
export function plainText(body: unknown): string {
  if (typeof body === 'string') return body;
  const walk = (node: AdfNode): string => {
    if (node.type === 'text') return node.text ?? '';
    if (node.type === 'hardBreak') return '\n';
    const inner = (node.content ?? []).map(walk);
    const isBlockHolder = node.type === 'doc' || node.type === 'bulletList' || node.type === 'blockquote';
    return inner.join(isBlockHolder ? '\n' : '');
  };
  return typeof body === 'object' && body !== null ? walk(body as AdfNode) : '';
}

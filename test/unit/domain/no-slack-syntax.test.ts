import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DOMAIN = join(import.meta.dirname, '../../../src/domain');

/** Slack's control sequences: a user, channel or group mention, a broadcast, a date, a labelled link. */
const SLACK_SYNTAX = /<[@#!]|<https?:[^>\s]*\|/;

/** `file:line: text` for every line of src/domain written in Slack's syntax. */
function slackSyntaxInDomain(): string[] {
  const files = readdirSync(DOMAIN, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  return files.flatMap((file) =>
    readFileSync(join(DOMAIN, file), 'utf8')
      .split('\n')
      .flatMap((line, i) => (SLACK_SYNTAX.test(line) ? [`src/domain/${file}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe('the domain', () => {
  it('recognises each form of Slack syntax', () => {
    const samples = ['<@U1>', '<#C1>', '<!here>', '<!date^1700000000^{date}|today>', '<https://x.io|x>'];
    expect(samples.filter((s) => !SLACK_SYNTAX.test(s))).toEqual([]);
    expect(SLACK_SYNTAX.test("'until <ISO time>: <reason>' a < b")).toBe(false);
  });

  // People are named by user id in the domain; only the Slack layer turns them into mentions.
  it('keeps no Slack syntax in src/domain', () => {
    expect(slackSyntaxInDomain()).toEqual([]);
  });
});

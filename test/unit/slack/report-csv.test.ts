import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv, UTF8_BOM } from '../../../src/slack/reports/csv.js';
import { buildReportCsv, reportCsvHeader, reportFileName } from '../../../src/slack/reports/report-csv.js';
import { hostileText } from '../../support/hostile-text.js';
import { aRow, aValueReport } from '../domain/reports/report-fixture.js';

/** What a spreadsheet reads back: RFC 4180 with the byte order mark, nothing relaxed. */
const readBack = (csv: string): string[][] => parse(csv, { bom: true, relax_quotes: false });
/** A cell as written: the apostrophe guard in front of anything a spreadsheet would run. */
const guarded = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

describe('CSV cells', () => {
  it('quotes only what RFC 4180 requires, doubling quotes', () => {
    expect(csvCell('plain text')).toBe('plain text');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('crlf\r\nline')).toBe('"crlf\r\nline"');
    expect(csvCell('')).toBe('');
  });

  it('puts an apostrophe before anything a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe(
      '"\'=HYPERLINK(""http://evil.example"",""click"")"',
    );
    expect(csvCell('+1 555')).toBe("'+1 555");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
    expect(csvCell('a=1')).toBe('a=1');
    expect(csvCell('2026-11-02 09:00')).toBe('2026-11-02 09:00');
  });

  it('writes a byte order mark and a CRLF after every record, header first', () => {
    expect(toCsv(['a', 'b'], [['1', '2']])).toBe(`${UTF8_BOM}a,b\r\n1,2\r\n`);
  });

  it('parses back to the same rows, guarded, whatever the text', () => {
    const cell = fc.oneof(hostileText(6), fc.string(), fc.constantFrom('=1+1', '-', '@x', '"', ',', '\r\n'));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 8 }), (rows) => {
        const header = ['ref', 'title', 'note'];
        expect(readBack(toCsv(header, rows))).toEqual([header, ...rows.map((r) => r.map(guarded))]);
      }),
    );
  });
});

describe('the value report CSV', () => {
  it('has one row per ask, people by name, local times, and the targets missed', () => {
    const report = aValueReport({
      rows: [
        aRow({
          ref: 'ACME-1',
          title: '=cmd|" /C calc"!A0, "quoted"\nand more',
          missed: ['first_response', 'resolution'],
        }),
        aRow({
          ref: 'ACME-2',
          kind: 'enhancement',
          title: 'Bulk export',
          status: 'planned',
          urgency: null,
          ownerId: 'UGONE',
          resolvedAt: null,
          resolutionMinutes: null,
          promisedDate: '2026-12-15',
        }),
        aRow({
          ref: 'ACME-3',
          kind: 'vendor',
          title: 'Reference call',
          requesterId: 'UVENDOR1',
          requesterSide: 'vendor',
          ownerId: 'UCUST1',
          urgency: null,
          firstResponseAt: null,
          firstResponseMinutes: null,
          missed: null,
        }),
      ],
    });
    const names = new Map([
      ['UCUST1', 'Carol Customer'],
      ['UVENDOR1', '@alice'],
    ]);
    const [header, ...rows] = readBack(buildReportCsv(report, names));

    expect(header).toEqual(reportCsvHeader('Europe/Berlin'));
    expect(header).toContain('raised at (Europe/Berlin)');
    expect(rows).toEqual([
      [
        'ACME-1',
        'Help request',
        '\'=cmd|" /C calc"!A0, "quoted"\nand more',
        'Resolved',
        'high',
        'Carol Customer',
        'customer',
        "'@alice",
        '2026-11-02 09:00',
        '2026-11-02 09:30',
        '2026-11-03 10:00',
        '30',
        '540',
        '',
        'first response; resolution',
      ],
      [
        'ACME-2',
        'Enhancement',
        'Bulk export',
        'Planned',
        '',
        'Carol Customer',
        'customer',
        'UGONE',
        '2026-11-02 09:00',
        '2026-11-02 09:30',
        '',
        '30',
        '',
        '2026-12-15',
        'no',
      ],
      [
        'ACME-3',
        'Request to customer',
        'Reference call',
        'Resolved',
        '',
        "'@alice",
        'vendor',
        'Carol Customer',
        '2026-11-02 09:00',
        '',
        '2026-11-03 10:00',
        '',
        '540',
        '',
        '',
      ],
    ]);
  });

  it('is named after the account and the local dates it covers', () => {
    expect(reportFileName(aValueReport())).toBe('rapport-acme-2026-11-01-to-2026-11-30.csv');
    const rolling = aValueReport({
      refPrefix: 'L42',
      period: {
        start: new Date('2026-10-19T09:00:00Z'),
        end: new Date('2026-11-18T10:00:00Z'),
        label: 'the last 30 days',
        toDate: false,
      },
    });
    expect(reportFileName(rolling)).toBe('rapport-l42-2026-10-19-to-2026-11-18.csv');
  });
});

import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, formatCsv, parseCsv, unguardFormula } from './index.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const rows = parseCsv('name,notes\r\n"Acme, Ltd","said ""hi""\nthen left"\r\nBeta,\n');
    expect(rows.map((r) => r.fields)).toEqual([
      ['name', 'notes'],
      ['Acme, Ltd', 'said "hi"\nthen left'],
      ['Beta', ''],
    ]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('skips blank lines and a byte order mark', () => {
    expect(parseCsv('\ufeffa,b\n\n1,2').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('names the line of an unterminated quote', () => {
    expect(() => parseCsv('a\n"open')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a\n"open')).toThrow(/line 2/);
  });
});

describe('formatCsv', () => {
  it('round-trips through parseCsv', () => {
    const rows = [['name', 'beds'], ['Acme, "the best"', '12'], ['multi\nline', '']];
    expect(parseCsv(formatCsv(rows)).map((r) => r.fields)).toEqual(rows);
  });
});

describe('formatCsv and formulas', () => {
  it("guards text cells a spreadsheet would run as formulas with a leading ' and quotes, by OWASP's rule", () => {
    const text = formatCsv([['=1+1', '+44 1234', '-x', '@SUM(A1)', '\tTab', '\rCR', 'plain', 'a=b']]);
    expect(text).toBe(`"'=1+1","'+44 1234","'-x","'@SUM(A1)","'\tTab","'\rCR",plain,a=b\r\n`);
  });

  it('writes numbers as numbers, negative ones included', () => {
    expect(formatCsv([[-3, 2.5]])).toBe('-3,2.5\r\n');
  });

  it('reads a guarded cell back to the text it stands for, and nothing else', () => {
    const [row] = parseCsv(formatCsv([["=cmd|' /C calc'!A0", "'quoted", "'"]]));
    expect(row!.fields.map((f) => unguardFormula(f))).toEqual(["=cmd|' /C calc'!A0", undefined, undefined]);
  });
});

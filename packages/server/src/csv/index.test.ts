import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, formatCsv, parseCsv } from './index.js';

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

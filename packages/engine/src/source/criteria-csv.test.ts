import { describe, expect, it } from 'vitest';
import { examplePack } from '../fixtures/example-pack.js';
import { validatePack } from '../schema/validate-pack.js';
import type { Framework } from '../types.js';
import { importCriteriaCsv } from './criteria-csv.js';

const HEADER = 'id,wording,domain,standard,mandatory,advanced';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n';
const pack = () => examplePack() as unknown as Record<string, unknown>;
const criteriaOf = (p: Record<string, unknown>, domain: string) =>
  (p.framework as Framework).domains.find((d) => d.id === domain)!.standards.map((s) => ({ standard: s.id, criteria: s.criteria }));

describe('importCriteriaCsv', () => {
  it('replaces the criteria with the rows, under the named standards, with wording and yes/no flags', () => {
    const original = pack();
    const before = JSON.stringify(original);
    const r = importCriteriaCsv(original, csv(
      'inv-1,"Care plans are agreed with the person, and reviewed",involvement,involvement-s1,yes,no',
      'inv-2,Information is accessible,Involvement and information,Involvement and information standard 2,no,YES',
      'saf-1,Risks are assessed,safety,safety-s4,No,no',
    ));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(criteriaOf(r.pack, 'involvement')).toEqual([
      { standard: 'involvement-s1', criteria: [{ id: 'inv-1', title: 'Care plans are agreed with the person, and reviewed', flags: ['mandatory'] }] },
      { standard: 'involvement-s2', criteria: [{ id: 'inv-2', title: 'Information is accessible', flags: ['advanced'] }] },
    ]);
    expect(criteriaOf(r.pack, 'safety').map((s) => s.criteria.map((c) => c.id))).toEqual([[], [], [], ['saf-1']]);
    expect(r.criteria).toBe(3);
    expect(r.domains.find((d) => d.domain === 'involvement')).toEqual({ domain: 'involvement', criteria: 2, mandatory: 1, advanced: 1 });
    expect(r.domains.find((d) => d.domain === 'staffing')).toEqual({ domain: 'staffing', criteria: 0, mandatory: 0, advanced: 0 });
    expect(JSON.stringify(original)).toBe(before);
    // The schema takes the new framework; what validation still says is about thresholds larger than the new counts.
    const errors = validatePack(r.pack).errors;
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((e) => e.code !== 'parameter')).toEqual([]);
  });

  it('keeps what the pack says of a criterion it already has (weight), and drops its placeholder mark', () => {
    const p = pack();
    const c = (p.framework as Framework).domains[0]!.standards[0]!.criteria[0]!;
    Object.assign(c, { weight: 2, placeholder: true });
    const r = importCriteriaCsv(p, csv(`${c.id},Real wording,involvement,involvement-s1,no,no`));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(criteriaOf(r.pack, 'involvement')[0]!.criteria).toEqual([{ id: c.id, title: 'Real wording', weight: 2 }]);
  });

  it('names every bad row by line and column and gives no pack', () => {
    const r = importCriteriaCsv(pack(), csv(
      'inv-1,Fine,involvement,involvement-s1,yes,no',
      'inv-2,"Wording over',
      'two lines",nowhere,involvement-s1,yes,no',
      'inv-1,Again,involvement,involvement-s1,no,no',
      'inv-3,,involvement,involvement-s1,y,no',
      'inv-4,Standard elsewhere,involvement,safety-s1,no,maybe',
    ));
    expect(r).toEqual({ ok: false, problems: [
      { line: 3, column: 'domain', message: 'Unknown domain "nowhere"; the domains are involvement, personalised, safety, staffing, management' },
      { line: 5, column: 'id', message: 'Duplicate id "inv-1" (first on line 2)' },
      { line: 6, column: 'wording', message: 'Missing wording' },
      { line: 6, column: 'mandatory', message: '"y" is not yes or no' },
      { line: 7, column: 'standard', message: 'Unknown standard "safety-s1" in domain "involvement"; its standards are involvement-s1, involvement-s2' },
      { line: 7, column: 'advanced', message: '"maybe" is not yes or no' },
    ] });
  });

  it('refuses a flag the framework does not define, a malformed id and a short row', () => {
    const p = pack();
    delete (p.framework as Framework).flags!.advanced;
    const r = importCriteriaCsv(p, csv('inv 1,Wording,involvement,involvement-s1,no,yes', 'inv-2,Wording,involvement'));
    expect(r.ok ? [] : r.problems.map((x) => [x.line, x.column, x.message])).toEqual([
      [2, 'id', '"inv 1" is not an id (letters, digits, ".", "_" and "-", starting with a letter or digit)'],
      [2, 'advanced', 'The framework defines no "advanced" flag'],
      [3, undefined, 'The row has 3 fields; the header has 6'],
      [3, 'standard', 'Missing standard'],
      [3, 'mandatory', '"" is not yes or no'],
      [3, 'advanced', '"" is not yes or no'],
    ]);
  });

  it('names a missing or unknown header column, an empty file, a header alone and an unterminated quote', () => {
    const bad = (text: string) => { const r = importCriteriaCsv(pack(), text); return r.ok ? [] : r.problems; };
    expect(bad('ID,Wording,Domain,Standard,Mandatory,Advanced,Notes\n')).toEqual([
      { line: 1, column: 'Notes', message: 'Unknown column "Notes"; the columns are id, wording, domain, standard, mandatory, advanced' },
    ]);
    expect(bad('id,wording,domain,standard,mandatory\nx,y,involvement,involvement-s1,no\n')).toEqual([
      { line: 1, column: 'advanced', message: 'The header row has no "advanced" column' },
    ]);
    expect(bad('')).toEqual([{ line: 1, message: 'The file is empty: it needs a header row and one row per criterion' }]);
    expect(bad(`${HEADER}\n`)).toEqual([{ line: 2, message: 'No criteria: the file has a header row only' }]);
    expect(bad(`${HEADER}\ninv-1,"open,involvement,involvement-s1,no,no\n`)).toEqual([{ line: 2, message: 'Unterminated quoted field' }]);
  });

  it('refuses a pack without a framework', () => {
    expect(importCriteriaCsv({}, csv('a,b,c,d,no,no'))).toEqual({ ok: false, problems: [{ line: 1, message: 'The pack has no framework with domains to load criteria into' }] });
  });
});

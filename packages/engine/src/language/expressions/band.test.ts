import { describe, expect, it } from 'vitest';
import { compilePack } from '../../compile/compile-pack.js';
import { compileExpression } from '../../compile/compile-expression.js';
import { initialState } from '../../evaluate/evaluate.js';
import { validatePack } from '../../schema/validate-pack.js';
import { analyse } from '../../analyse/analyse.js';
import { statementScoresPack } from '../frameworks/number-frameworks.js';
import { bandThresholds } from './band.js';
import type { Expression } from '../../types.js';

type Bands = { value: string; atLeast?: number; above?: number; atMost?: number; below?: number }[];
const BANDS: Bands = [
  { value: 'Inadequate', below: 39 },
  { value: 'Requires improvement', atLeast: 39, atMost: 62.5 },
  { value: 'Good', above: 62.5, below: 88 },
  { value: 'Outstanding', atLeast: 88 },
];

const c = compilePack(statementScoresPack());
const scope = { index: c.index, extensions: {}, domainIndex: -1, countSlots: new Map<string, number>() };
const s = initialState(c, { date: '2025-06-01', judgements: {}, facts: {} }, '2025-06-01');
const band = (x: unknown, bands: Bands = BANDS) => compileExpression({ band: x as Expression, bands }, scope, undefined, '/b')(s);

/** The statement-scores pack with its rating's bands replaced. */
function withBands(bands: Bands) {
  const p = statementScoresPack();
  p.decisions.rating!.rules![0]!.output = { band: { fact: 'percentage' }, bands };
  return p;
}

describe('bands', () => {
  it.each([
    [-5, 'Inadequate'], [38.999, 'Inadequate'], [39, 'Requires improvement'],
    [62.5, 'Requires improvement'], [62.50001, 'Good'], [87.999, 'Good'], [88, 'Outstanding'], [1000, 'Outstanding'],
  ])('put %d in %s, by the bounds stated inclusive or exclusive', (x, want) => {
    expect(band(x)).toBe(want);
  });

  it('give nothing for a number not recorded or outside every band, and refuse text', () => {
    expect(band(null)).toBeUndefined();
    expect(band(101, [{ value: 'Good', atLeast: 0, atMost: 100 }])).toBeUndefined();
    expect(() => band('high')).toThrow('"high" is not a number (at /b/band)');
  });

  it('accept a list meeting exactly, lowest first', () => {
    expect(validatePack(withBands(BANDS)).errors).toEqual([]);
  });

  it('report a hole, an overlap, thresholds out of order and a value not on the scale, all at once, by pointer', () => {
    const r = validatePack(withBands([
      { value: 'Inadequate', below: 39 },
      { value: 'Requires improvement', atLeast: 39, atMost: 62 },
      { value: 'Good', atLeast: 63, atMost: 88 },
      { value: 'Outstanding', atLeast: 88 },
      { value: 'Superb', atLeast: 99, below: 95 },
    ]));
    const at = '/decisions/rating/rules/0/output/bands';
    expect(r.errors.map((e) => [e.pointer, e.message, e.hint])).toEqual(expect.arrayContaining([
      [`${at}/2`, 'There is a hole between the bands "Requires improvement" (39 to 62) and "Good" (63 to 88): numbers above 62 below 63 fall in no band.', 'Make them meet: atMost: 62 then above: 62.'],
      [`${at}/3`, 'The bands "Good" (63 to 88) and "Outstanding" (88 and above) overlap at 88.', 'Make them meet: atMost: 88 then above: 88.'],
      [`${at}/4`, 'The band "Superb" holds no number: its thresholds are out of order (99 to below 95).', 'Give the lower bound first, below the upper bound.'],
      [`${at}/4/value`, 'Output "Superb" is not on the scale "rating" of decision "rating".', 'Values: Inadequate, Requires improvement, Good, Outstanding.'],
    ]));
  });

  it('report a hole at a threshold both sides exclude, bands listed out of order, and two bounds on one side', () => {
    const at = '/decisions/rating/rules/0/output/bands';
    const hole = validatePack(withBands([{ value: 'Inadequate', below: 39 }, { value: 'Good', above: 39 }]));
    expect(hole.errors.map((e) => [e.pointer, e.message])).toEqual([[`${at}/1`, 'There is a hole between the bands "Inadequate" (below 39) and "Good" (above 39): 39 itself fall in no band.']]);
    const order = validatePack(withBands([{ value: 'Good', atLeast: 50, below: 60 }, { value: 'Inadequate', atLeast: 10, below: 50 }]));
    expect(order.errors.map((e) => e.pointer)).toEqual([`${at}/1`]);
    expect(order.errors[0]!.message).toContain('out of order');
    const two = validatePack(withBands([{ value: 'Good', atLeast: 50, above: 40 }]));
    expect(two.errors.map((e) => e.pointer)).toEqual([`${at}/0/above`]);
    const open = validatePack(withBands([{ value: 'Inadequate', atLeast: 0 }, { value: 'Good', atLeast: 50 }]));
    expect(open.errors.map((e) => e.message)).toEqual(['The band "Inadequate" has no upper bound, so it overlaps the next band "Good".']);
  });

  it('are analysed on the partition their thresholds make, the band of every piece checked', () => {
    expect(bandThresholds(BANDS)).toEqual([39, 39, 62.5, 62.5, 88, 88]);
    const report = analyse(compilePack(withBands([{ value: 'Inadequate', below: 39 }, { value: 'Good', atLeast: 39 }])));
    const rating = report.decisions.find((d) => d.decision === 'rating')!;
    expect(rating.exhaustive).toBe(true);
    expect(rating.findings.map((f) => f.kind)).toEqual([]);
    // A band list leaving numbers out is found as a gap of the decision, by a number the partition picked.
    const points = statementScoresPack();
    points.decisions.rating!.rules![0]!.output = { band: { fact: 'criteriaPoints' }, bands: [{ value: 'Inadequate', below: 12 }, { value: 'Good', atLeast: 12 }] };
    const byPoints = analyse(compilePack(points)).decisions.find((d) => d.decision === 'rating')!;
    expect([byPoints.exhaustive, byPoints.dimensions, byPoints.findings]).toEqual([true, ['other criteria (6) (84)'], []]);
    const gappy = analyse(compilePack(withBands([{ value: 'Good', atLeast: 50, below: 88 }])));
    const g = gappy.decisions.find((d) => d.decision === 'rating')!;
    expect(g.exhaustive).toBe(true);
    expect(g.findings.map((f) => f.kind)).toContain('gap');
  });
});

import { describe, expect, it } from 'vitest';
import { validatePack } from '../../schema/validate-pack.js';
import { compilePack } from '../../compile/compile-pack.js';
import { evaluate } from '../../evaluate/evaluate.js';
import { analyse } from '../../analyse/analyse.js';
import type { Pack } from '../../types.js';
import { parameterUseProblem, PARAMETER_USES } from './parameter-use.js';

const src = { doc: 'guide', section: '1' };

/** A small pack whose numbers are all declared parameters: a revisit interval, a size threshold, band thresholds, a cap. */
function paramPack(): Pack {
  return {
    metadata: { id: 'params', council: 'Test Council', title: 'Parameters everywhere', version: '1.0.0', effectiveFrom: '2025-01-01', documents: ['guide'] },
    sources: { guide: { title: 'Test guide', sections: { '1': 'Numbers' } } },
    scales: {
      yesNo: { label: 'Yes or no', values: ['No', 'Yes'] },
      size: { label: 'Size', values: ['Not recorded', 'Small', 'Large'] },
      rating: { label: 'Rating', values: ['Poor', 'Good'] },
      capped: { label: 'Capped score', numeric: { min: 0, max: 100 } },
    },
    parameters: {
      revisitMonths: { label: 'Revisit due after', type: 'integer', unit: 'months', min: 1, max: 24, value: 3, source: src },
      largeOver: { label: 'Large: weekly hours over', type: 'integer', unit: 'hours', min: 0, max: 10000, value: 2000, source: src },
      goodFrom: { label: 'Good: score at least', type: 'number', unit: 'percent', min: 0, max: 100, value: 63, source: src },
      cap: { label: 'Score kept at most', type: 'number', unit: 'percent', min: 0, max: 100, value: 90, source: src },
    },
    inputs: { type: 'object', properties: { lastVisit: { type: 'string', format: 'date' }, weeklyHours: { type: 'number' }, score: { type: 'number' } } },
    decisions: {
      revisitDue: {
        label: 'Revisit due', scale: 'yesNo', hitPolicy: 'first', source: src,
        rules: [{ id: 'due', source: src, output: 'Yes', when: { fact: 'assessmentDate', operator: 'onOrAfter', value: { addMonths: { param: 'revisitMonths' }, to: { fact: 'lastVisit' } } } }],
        fallback: { output: 'No', source: src },
      },
      size: {
        label: 'Size', scale: 'size', hitPolicy: 'first', source: src,
        table: {
          inputs: [{ fact: 'weeklyHours', label: 'Weekly hours' }],
          rows: [
            { id: 'large', cells: [{ '>': { param: 'largeOver' } }], output: 'Large', source: src },
            { id: 'small', cells: [{ '<=': { param: 'largeOver' } }], output: 'Small', source: src },
          ],
        },
        fallback: { output: 'Not recorded', source: src },
      },
      rating: {
        label: 'Rating', scale: 'rating', hitPolicy: 'first', source: src,
        rules: [{ id: 'band', source: src, when: { all: [] }, output: { band: { fact: 'score' }, bands: [{ value: 'Poor', below: { param: 'goodFrom' } }, { value: 'Good', atLeast: { param: 'goodFrom' } }] } }],
      },
      capped: {
        label: 'Capped score', scale: 'capped', hitPolicy: 'first', source: src,
        rules: [{ id: 'cap', source: src, when: { all: [] }, output: { clamp: { value: { fact: 'score' }, max: { param: 'cap' } } } }],
      },
    },
    outcomes: { headline: 'rating' },
  } as unknown as Pack;
}

const run = (pack: Pack, facts: Record<string, unknown>, date = '2025-06-01') => evaluate(compilePack(pack), { date, judgements: {}, facts } as never).decisions;
const problems = (pack: Pack) => validatePack(pack).errors.map((e) => [e.pointer, e.message]);

describe('declared parameters where a council number stands', () => {
  it('validate in date arithmetic, table cells, band thresholds and clamp bounds', () => {
    const r = validatePack(paramPack());
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('give their current value: a revisit 3 months on, Large over 2,000 hours, Good from 63, a cap of 90', () => {
    const d = run(paramPack(), { lastVisit: '2025-03-01', weeklyHours: 2000, score: 63 });
    expect([d.revisitDue, d.size, d.rating, d.capped]).toEqual(['Yes', 'Small', 'Good', 63]);
    expect(run(paramPack(), { lastVisit: '2025-03-02', weeklyHours: 2001, score: 62.9 })).toMatchObject({ revisitDue: 'No', size: 'Large', rating: 'Poor' });
    expect(run(paramPack(), { score: 95 }).capped).toBe(90);
    // A quality lead changes the numbers: the same facts decide differently.
    const changed = paramPack();
    changed.parameters!.revisitMonths!.value = 4;
    changed.parameters!.largeOver!.value = 1000;
    changed.parameters!.goodFrom!.value = 60;
    changed.parameters!.cap!.value = 80;
    expect(run(changed, { lastVisit: '2025-03-01', weeklyHours: 1500, score: 61 })).toMatchObject({ revisitDue: 'No', size: 'Large', rating: 'Good', capped: 61 });
    expect(run(changed, { score: 95 }).capped).toBe(80);
  });

  it('refuse an undeclared parameter at its pointer, with the declared ones as a hint', () => {
    const pack = paramPack();
    (pack.decisions.revisitDue!.rules![0]!.when as { value: { addMonths: unknown } }).value.addMonths = { param: 'revisitMonth' };
    const r = validatePack(pack);
    const e = r.errors.find((x) => x.pointer === '/decisions/revisitDue/rules/0/when/value/addMonths/param');
    expect(e?.message).toBe('Parameter "revisitMonth" is not declared.');
    expect(e?.hint).toContain('"revisitMonths"');
  });

  it('refuse a percentage used as a number of months, a fraction as whole months, and a date as a band threshold', () => {
    const pack = paramPack();
    (pack.decisions.revisitDue!.rules![0]!.when as { value: { addMonths: unknown } }).value.addMonths = { param: 'goodFrom' };
    pack.parameters!.months = { label: 'Months', type: 'number', unit: 'months', value: 3, source: src };
    pack.parameters!.from = { label: 'From', type: 'date', value: '2025-01-01', source: src };
    pack.decisions.capped!.rules![0]!.output = { addMonths: { param: 'months' }, to: { fact: 'lastVisit' } } as never;
    (pack.decisions.rating!.rules![0]!.output as { bands: { atLeast?: unknown; below?: unknown }[] }).bands[1]!.atLeast = { param: 'from' };
    expect(problems(pack)).toEqual(expect.arrayContaining([
      ['/decisions/revisitDue/rules/0/when/value/addMonths/param', 'Parameter "goodFrom" is in percent, but it is used here as a number of months.'],
      ['/decisions/capped/rules/0/output/addMonths/param', 'Parameter "months" may be a fraction (type number), but it is used here as a number of months, which is a whole number.'],
      ['/decisions/rating/rules/0/output/bands/1/atLeast/param', 'Parameter "from" is a date, but it is used here as a band threshold.'],
    ]));
  });

  it('check the bands meet at the parameters\' values', () => {
    const pack = paramPack();
    (pack.decisions.rating!.rules![0]!.output as { bands: Record<string, unknown>[] }).bands[0] = { value: 'Poor', below: { param: 'cap' } };
    expect(problems(pack)).toEqual([['/decisions/rating/rules/0/output/bands/1', 'The bands "Poor" (below 90) and "Good" (63 and above) overlap. (with cap = 90, goodFrom = 63)']]);
  });

  it('refuse a schedule interval in the wrong unit at the unit\'s pointer', () => {
    const pack = paramPack();
    pack.outcomes.schedule = [{ id: 'visit', activity: 'Visit', label: 'Visit', source: src, when: { all: [] }, every: { months: { param: 'largeOver' } } }] as never;
    expect(problems(pack)).toEqual([['/outcomes/schedule/0/every/months/param', 'Parameter "largeOver" is in hours, but it is used here as a number of months.']]);
  });

  it('are analysed at their current values: numbers compared with a parameter are partitioned exhaustively', () => {
    const report = analyse(compilePack(paramPack()));
    const size = report.decisions.find((x) => x.decision === 'size')!;
    expect([size.exhaustive, size.findings.map((f) => [f.kind, f.examples.map((e) => e.inputs)])]).toEqual([true, [['fallback-only', ['weeklyHours not recorded']]]]);
    // The bands meet at goodFrom's value: the only gap is a score not recorded.
    const rating = report.decisions.find((x) => x.decision === 'rating')!;
    expect(rating.exhaustive).toBe(true);
    expect(rating.findings.flatMap((f) => f.examples.map((e) => e.inputs))).toEqual(['score not recorded']);
  });

  it('word a misfit the same way for every use', () => {
    expect(parameterUseProblem('x', { type: 'integer', unit: 'Working days' }, PARAMETER_USES.workingDays)).toBeUndefined();
    expect(parameterUseProblem('x', { type: 'integer', unit: 'days' }, PARAMETER_USES.workingDays)?.message).toBe('Parameter "x" is in days, but it is used here as a number of working days.');
    expect(parameterUseProblem('x', { type: 'number' }, PARAMETER_USES.threshold)).toBeUndefined();
    expect(parameterUseProblem('x', {}, PARAMETER_USES.months)?.hint).toBe('Declare "x" with "type": "integer".');
  });
});

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

describe('declared parameters in a day of the month and in plugin fact parameters', () => {
  /** The parameters pack with a monthly return due on a declared day of the month. */
  function monthlyPack(day: Record<string, unknown> = { type: 'integer', unit: 'day of the month', min: 1, max: 28, value: 15 }): Pack {
    const pack = paramPack();
    pack.parameters!.returnDay = { label: 'Monthly return due on day', source: src, ...day } as never;
    pack.outcomes.schedule = [{ id: 'return', activity: 'Monthly return', label: 'Monthly return', source: src, when: { all: [] }, monthlyOnDay: { param: 'returnDay' } }] as never;
    return pack;
  }
  const returnDue = (pack: Pack, date: string) => evaluate(compilePack(pack), { date, judgements: {}, facts: { score: 50 } } as never).schedule.find((x) => x.id === 'return');

  it('monthlyOnDay takes a declared day: due on its current value, and on the new one when a quality lead changes it', () => {
    expect(problems(monthlyPack())).toEqual([]);
    expect(returnDue(monthlyPack(), '2025-06-20')).toMatchObject({ nextDue: '2025-07-15', dayOfMonth: 15, everyMonths: 1 });
    const changed = monthlyPack();
    changed.parameters!.returnDay!.value = 25;
    expect(returnDue(changed, '2025-06-20')).toMatchObject({ nextDue: '2025-06-25', dayOfMonth: 25 });
  });

  it('monthlyOnDay refuses a parameter that is not a whole number, may leave 1 to 31, or is not declared, at its pointer', () => {
    const at = '/outcomes/schedule/0/monthlyOnDay/param';
    expect(problems(monthlyPack({ type: 'number', min: 1, max: 28, value: 15 }))).toEqual([[at, 'Parameter "returnDay" may be a fraction (type number), but it is used here as a day of the month, which is a whole number.']]);
    expect(problems(monthlyPack({ type: 'integer', min: 0, max: 28, value: 15 }))).toEqual([[at, 'Parameter "returnDay" may be as low as 0 (its min), but it is used here as a day of the month, from 1 to 31.']]);
    expect(problems(monthlyPack({ type: 'integer', min: 1, max: 40, value: 15 }))).toEqual([[at, 'Parameter "returnDay" may be as high as 40 (its max), but it is used here as a day of the month, from 1 to 31.']]);
    const unbounded = validatePack(monthlyPack({ type: 'integer', value: 15 })).errors;
    expect(unbounded.map((e) => [e.pointer, e.message, e.hint])).toEqual([[at, 'Parameter "returnDay" has no min, but it is used here as a day of the month, from 1 to 31.', 'Declare "returnDay" with "min" and "max" within 1 to 31.']]);
    const undeclared = monthlyPack();
    (undeclared.outcomes.schedule![0] as { monthlyOnDay: unknown }).monthlyOnDay = { param: 'returnDays' };
    expect(problems(undeclared)).toEqual(expect.arrayContaining([[at, 'Parameter "returnDays" is not declared.']]));
    // A written day is still held to 1 to 31 by the schema.
    const written = monthlyPack();
    (written.outcomes.schedule![0] as { monthlyOnDay: unknown }).monthlyOnDay = 32;
    expect(problems(written).map(([p]) => p)).toContain('/outcomes/schedule/0/monthlyOnDay');
  });

  /** The parameters pack with a plugin fact `visitsWithin` given a number of months by a parameter. */
  function pluginPack(months: unknown, declared = true): Pack {
    const pack = paramPack();
    pack.inputs.properties.visits = { type: 'array', items: { type: 'string', format: 'date' } } as never;
    pack.extensions = {
      facts: ['visitsWithin'],
      ...(declared ? { declarations: { visitsWithin: { reads: { inputs: ['visits'] }, returns: { type: 'integer', minimum: 0, maximum: 20 }, params: { months: { type: 'integer', unit: 'months', minimum: 1, maximum: 12 } } } } } : {}),
    } as never;
    pack.decisions.recentVisits = {
      label: 'Recent visits', scale: 'yesNo', hitPolicy: 'first', source: src,
      rules: [{ id: 'some', source: src, output: 'Yes', when: { fact: 'visitsWithin', params: { months }, operator: 'greaterThan', value: 0 } }],
      fallback: { output: 'No', source: src },
    } as never;
    return pack;
  }
  /** The plugin fact: how many of the visits fall within `months` before the assessment date (by month, as the fixture only needs). */
  const visitsWithin = (params: Record<string, unknown>, facts: Readonly<Record<string, unknown>>): number => {
    const months = params.months as number;
    const now = facts.assessmentDate as string ?? '2025-06-01';
    const [y, m] = now.split('-').map(Number) as [number, number];
    const from = `${String(y + Math.floor((m - 1 - months) / 12)).padStart(4, '0')}-${String(((m - 1 - months) % 12 + 12) % 12 + 1).padStart(2, '0')}`;
    return ((facts.visits as string[] | undefined) ?? []).filter((d) => d.slice(0, 7) >= from).length;
  };
  const pluginProblems = (pack: Pack) => validatePack(pack, { extensions: { facts: { visitsWithin } } }).errors.map((e) => [e.pointer, e.message]);
  const at = '/decisions/recentVisits/rules/0/when/params/months';

  it('a plugin fact\'s parameter may be a declared parameter, given to the plugin at its current value', () => {
    const pack = pluginPackWithMax(12);
    expect(pluginProblems(pack)).toEqual([]);
    const c = compilePack(pack, { extensions: { facts: { visitsWithin } } });
    // revisitMonths is 3: a visit on 2025-02-10 is more than 3 months before 2025-06-01 (by month), one on 2025-03-10 is not.
    expect(evaluate(c, { date: '2025-06-01', judgements: {}, facts: { score: 50, visits: ['2025-02-10'] } } as never).decisions.recentVisits).toBe('No');
    expect(evaluate(c, { date: '2025-06-01', judgements: {}, facts: { score: 50, visits: ['2025-03-10'] } } as never).decisions.recentVisits).toBe('Yes');
  });

  it('a plugin fact\'s parameter is held to what the plugin declares it takes: type, unit and bounds', () => {
    expect(pluginProblems(pluginPack({ param: 'revisitMonth' }))).toEqual(expect.arrayContaining([[`${at}/param`, 'Parameter "revisitMonth" is not declared.']]));
    expect(pluginProblems(pluginPack({ param: 'goodFrom' }))).toEqual([[`${at}/param`, 'Parameter "goodFrom" is in percent, but it is used here as parameter "months" of plugin fact "visitsWithin".']]);
    // revisitMonths may be up to 24, but the plugin takes 1 to 12 months.
    expect(pluginProblems(pluginPackWithMax(24)))
      .toEqual([[`${at}/param`, 'Parameter "revisitMonths" may be as high as 24 (its max), but it is used here as parameter "months" of plugin fact "visitsWithin", from 1 to 12.']]);
    // A written number is held to the same: a whole number from 1 to 12.
    expect(pluginProblems(pluginPack(2.5))).toEqual([[at, 'Plugin fact "visitsWithin" takes a whole number from 1 to 12 as "months", not 2.5.']]);
    expect(pluginProblems(pluginPack(13))).toEqual([[at, 'Plugin fact "visitsWithin" takes a whole number from 1 to 12 as "months", not 13.']]);
    // Without a declaration of its parameters, a parameter need only be declared.
    expect(pluginProblems(pluginPack({ param: 'goodFrom' }, false))).toEqual([]);
  });
  function pluginPackWithMax(max: number): Pack {
    const pack = pluginPack({ param: 'revisitMonths' });
    pack.parameters!.revisitMonths!.max = max;
    return pack;
  }
});


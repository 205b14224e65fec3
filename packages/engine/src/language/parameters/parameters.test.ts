import { describe, expect, it } from 'vitest';
import { examplePack } from '../../fixtures/example-pack.js';
import { validatePack } from '../../schema/validate-pack.js';
import { compilePack } from '../../compile/compile-pack.js';
import { evaluate } from '../../evaluate/evaluate.js';
import { caseAssessment, runCases } from '../../testing/run-cases.js';
import type { Pack } from '../../types.js';
import { listParameters, parameterValueProblem } from './list-parameters.js';
import { frameworkCount } from './parameter-counts.js';
import { packSchema } from '../../schema/pack-schema.js';

const src = (section: string) => ({ doc: 'guide', section });

/** The example pack with its numbers declared: the per-domain thresholds, the improvement plan's due time and the visit interval. */
function declaredPack(): Pack {
  const pack = structuredClone(examplePack());
  pack.parameters = {
    goldMinExceptional: { label: 'Gold: Exceptional advanced criteria at least', type: 'integer', unit: 'criteria', min: 0, max: 19, source: src('2') },
    silverMinFullyMet: { label: 'Silver: Fully met criteria at least', type: 'integer', unit: 'criteria', min: 0, max: 19, source: src('2') },
    bronzeMaxNotMet: { label: 'Bronze: Not met criteria at most', type: 'integer', unit: 'criteria', min: 0, max: 19, source: src('2') },
    mandatory: { label: 'Mandatory criteria in the domain', type: 'integer', unit: 'criteria', min: 0, max: 19, source: src('2') },
    improvementPlanDays: { label: 'Improvement plan due within', type: 'integer', unit: 'days', min: 1, max: 60, value: 7, source: src('4') },
    visitIntervalMonths: { label: 'Quality visit every', type: 'integer', unit: 'months', min: 1, max: 36, value: 12, source: src('5') },
  };
  pack.outcomes.actions![0]!.due = { days: { param: 'improvementPlanDays' } };
  pack.outcomes.schedule![0]!.every = { months: { param: 'visitIntervalMonths' } };
  return pack;
}

const problems = (pack: Pack) => validatePack(pack).errors.map((e) => [e.pointer, e.message]);

describe('declared parameters', () => {
  it('are part of the published schema', () => {
    expect(Object.keys((packSchema.properties as Record<string, unknown>))).toContain('parameters');
  });

  it('validate with no warnings and give the same determinations as the undeclared numbers', () => {
    const pack = declaredPack();
    const r = validatePack(pack);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    // The example pack's own cases (due 2025-03-08 = 7 days, next visit 12 months on) still pass.
    const cases = runCases(compilePack(pack), pack.cases!);
    expect(cases.failed).toBe(0);
    expect(cases.passed).toBe(2);
  });

  it('give an action its due time and a schedule entry its interval from the declared value', () => {
    const pack = declaredPack();
    pack.parameters!.improvementPlanDays!.value = 10;
    pack.parameters!.visitIntervalMonths!.value = 6;
    const compiled = compilePack(pack);
    const late = evaluate(compiled, caseAssessment(pack, pack.cases![1]!));
    expect(late.actions.find((a) => a.id === 'improvement-plan')?.due).toBe('2025-03-11');
    const silver = evaluate(compiled, caseAssessment(pack, pack.cases![0]!));
    expect(silver.schedule.find((s) => s.id === 'annual-visit')?.nextDue).toBe('2025-09-01');
  });

  it('use a pack-wide value inside a per-domain decision when the domain gives none', () => {
    const pack = declaredPack();
    for (const d of pack.framework!.domains) delete d.parameters!.silverMinFullyMet;
    pack.parameters!.silverMinFullyMet!.max = 30;
    pack.parameters!.silverMinFullyMet!.value = 20; // more criteria than any domain has: no domain can be Silver
    expect(validatePack(pack).errors).toEqual([]);
    const d = evaluate(compilePack(pack), caseAssessment(pack, pack.cases![0]!));
    expect(d.decisions['domainBand.safety']).toBe('Bronze');
    pack.parameters!.silverMinFullyMet!.value = 9;
    expect(evaluate(compilePack(pack), caseAssessment(pack, pack.cases![0]!)).decisions['domainBand.safety']).toBe('Silver');
  });

  it('are listed with the pointer of every value, label, unit, bounds and citation', () => {
    const list = listParameters(declaredPack());
    expect(list.map((p) => p.name)).toEqual(['goldMinExceptional', 'silverMinFullyMet', 'bronzeMaxNotMet', 'mandatory', 'improvementPlanDays', 'visitIntervalMonths']);
    const silver = list[1]!;
    expect(silver).toMatchObject({ pointer: '/parameters/silverMinFullyMet', label: 'Silver: Fully met criteria at least', type: 'integer', unit: 'criteria', min: 0, max: 19, source: { doc: 'guide', section: '2' } });
    expect(silver.values.map((v) => [v.pointer, v.domainId, v.value])).toEqual([
      ['/framework/domains/0/parameters/silverMinFullyMet', 'involvement', 9],
      ['/framework/domains/1/parameters/silverMinFullyMet', 'personalised', 13],
      ['/framework/domains/2/parameters/silverMinFullyMet', 'safety', 12],
      ['/framework/domains/3/parameters/silverMinFullyMet', 'staffing', 15],
      ['/framework/domains/4/parameters/silverMinFullyMet', 'management', 13],
    ]);
    expect(list[4]!.values).toEqual([{ pointer: '/parameters/improvementPlanDays/value', value: 7 }]);
    expect(listParameters(examplePack())).toEqual([]);
  });

  it('refuse a value outside the bounds, at its pointer, in words', () => {
    const pack = declaredPack();
    pack.framework!.domains[2]!.parameters!.silverMinFullyMet = 100;
    pack.parameters!.improvementPlanDays!.value = -2;
    const r = validatePack(pack);
    expect(r.valid).toBe(false);
    expect(r.errors.map((e) => [e.pointer, e.message, e.hint])).toEqual(expect.arrayContaining([
      ['/framework/domains/2/parameters/silverMinFullyMet', 'Silver: Fully met criteria at least ("silverMinFullyMet", domain "safety") is 100, but it must be from 0 to 19 criteria.', 'Give a whole number from 0 to 19 criteria.'],
      ['/parameters/improvementPlanDays/value', 'Improvement plan due within ("improvementPlanDays") is -2, but it must be from 1 to 60 days.', 'Give a whole number from 1 to 60 days.'],
    ]));
  });

  it('refuse a fraction for a whole number, min above max, and a bound of the wrong type', () => {
    const pack = declaredPack();
    pack.parameters!.visitIntervalMonths!.value = 1.5;
    pack.parameters!.improvementPlanDays!.min = 90;
    pack.parameters!.mandatory!.max = '2025-01-01';
    const got = problems(pack);
    expect(got).toEqual(expect.arrayContaining([
      ['/parameters/visitIntervalMonths/value', 'Quality visit every ("visitIntervalMonths") is 1.5, but it must be a whole number.'],
      ['/parameters/improvementPlanDays/min', 'Parameter "improvementPlanDays" has min 90 greater than max 60.'],
      ['/parameters/mandatory/max', 'Parameter "mandatory" is of type integer, but its max is "2025-01-01".'],
    ]));
  });

  it('refuse a reference to an undeclared parameter, a domain parameter not declared, and a value missing outside a per-domain decision', () => {
    const pack = declaredPack();
    pack.outcomes.actions![0]!.due = { days: { param: 'improvementDays' } };
    pack.framework!.domains[0]!.parameters!.extra = 3;
    delete pack.parameters!.visitIntervalMonths!.value;
    const got = problems(pack);
    expect(got).toEqual(expect.arrayContaining([
      ['/outcomes/actions/0/due/days/param', 'Parameter "improvementDays" is not declared.'],
      ['/framework/domains/0/parameters/extra', 'Domain "involvement" gives parameter "extra", which is not declared in parameters.'],
      ['/outcomes/schedule/0/every/months/param', 'Parameter "visitIntervalMonths" has no pack-wide value, and this is not inside a per-domain decision.'],
    ]));
  });

  it('warn about a declared parameter nothing references', () => {
    const pack = declaredPack();
    pack.parameters!.unused = { label: 'Something', type: 'number', value: 3, source: src('1') };
    const r = validatePack(pack);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => [w.code, w.pointer])).toEqual([['parameter.unused', '/parameters/unused']]);
  });

  it('do not call a counting parameter (declared with counts) unused: it is counted from the criteria list', () => {
    const pack = declaredPack();
    const counts = { of: 'criteria' as const };
    pack.parameters!.totalCriteria = { label: 'Criteria in the framework', type: 'integer', value: frameworkCount(pack.framework, counts), source: src('1'), counts };
    pack.parameters!.unused = { label: 'Something', type: 'number', value: 3, source: src('1') };
    const r = validatePack(pack);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => [w.code, w.pointer])).toEqual([['parameter.unused', '/parameters/unused']]);
    // Listed as counted from the criteria list, so the UI shows it read-only; other parameters are not.
    const listed = Object.fromEntries(listParameters(pack).map((p) => [p.name, p.countedFrom]));
    expect(listed.totalCriteria).toBe('Counted from the criteria list (criteria).');
    expect(listed.unused).toBeUndefined();
  });

  it('leave packs without declarations as they were: domain parameters need no declaration', () => {
    const r = validatePack(examplePack());
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('word the problem with a value the same way for the validator and the admin UI', () => {
    const p = { type: 'integer' as const, min: 0, max: 250, unit: 'working days' };
    expect(parameterValueProblem(p, -2)).toBe('must be from 0 to 250 working days');
    expect(parameterValueProblem(p, 100_000)).toBe('must be from 0 to 250 working days');
    expect(parameterValueProblem(p, 2.5)).toBe('must be a whole number');
    expect(parameterValueProblem(p, '3')).toBe('must be a number');
    expect(parameterValueProblem(p, 10)).toBeUndefined();
    expect(parameterValueProblem({ type: 'number', min: 0 }, -0.5)).toBe('must be at least 0');
    expect(parameterValueProblem({ type: 'date', min: '2024-01-01', max: '2024-12-31' }, '2025-01-01')).toBe('must be from 2024-01-01 to 2024-12-31');
    expect(parameterValueProblem({ type: 'date' }, '2024-13-45')).toBe('must be a date (YYYY-MM-DD)');
  });
});

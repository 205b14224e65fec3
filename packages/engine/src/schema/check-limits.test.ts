import { describe, expect, it } from 'vitest';
import { examplePack } from '../fixtures/example-pack.js';
import { manyRulesPack } from '../fixtures/many-rules-pack.js';
import { compilePack } from '../compile/compile-pack.js';
import { PackValidationError } from '../errors.js';
import { LIMITS } from './limits.js';
import { validatePack } from './validate-pack.js';

describe('the named limits, checked before any expensive work', () => {
  it('refuses a pack with one rule more than maxRules with one error naming the limit, before the schema looks at it', () => {
    const pack = manyRulesPack(LIMITS.maxRules + 1);
    (pack.metadata as unknown as Record<string, unknown>).colour = 'blue'; // a schema error the early refusal does not reach
    const r = validatePack(pack);
    expect(r.valid).toBe(false);
    expect(r.errors).toEqual([{
      code: 'limit.maxRules', pointer: '/decisions',
      message: `The pack's decisions have ${(LIMITS.maxRules + 1).toLocaleString('en-GB')} rules (table rows included); the limit maxRules is ${LIMITS.maxRules.toLocaleString('en-GB')}.`,
      hint: expect.any(String),
    }]);
    expect(() => compilePack(pack)).toThrow(PackValidationError);
  });

  it('counts every decision\'s rules: a pack of exactly maxRules rules is not refused for its size', () => {
    const pack = manyRulesPack(LIMITS.maxRules);
    expect(validatePack(pack).errors.filter((e) => e.code.startsWith('limit.'))).toEqual([]);
  }, 60_000);

  it('refuses a rule whose condition has more than maxConditionsPerRule conditions, at its when', () => {
    const pack = examplePack();
    const leaf = { fact: 'statementLate', operator: 'equal', value: true };
    pack.decisions.overallRating!.rules![0]!.when = { any: Array.from({ length: LIMITS.maxConditionsPerRule }, () => leaf) };
    const r = validatePack(pack);
    expect(r.errors.map((e) => [e.code, e.pointer])).toEqual([['limit.maxConditionsPerRule', '/decisions/overallRating/rules/0/when']]);
    expect(r.errors[0]!.message).toMatch(/the limit maxConditionsPerRule is 1,000/);
    // One fewer (the any itself counts) is within the limit.
    pack.decisions.overallRating!.rules![0]!.when = { any: Array.from({ length: LIMITS.maxConditionsPerRule - 1 }, () => leaf) };
    expect(validatePack(pack).errors.filter((e) => e.code.startsWith('limit.'))).toEqual([]);
  });

  it('refuses more cases than maxCases and more criteria than maxCriteria, each at its place', () => {
    const pack = examplePack();
    pack.cases = Array.from({ length: LIMITS.maxCases + 1 }, () => pack.cases![0]!);
    const standard = pack.framework!.domains[0]!.standards[0]!;
    standard.criteria = Array.from({ length: LIMITS.maxCriteria + 1 }, (_, i) => ({ id: `c-${i}`, title: `Criterion ${i}` }));
    expect(validatePack(pack).errors.map((e) => [e.code, e.pointer])).toEqual([
      ['limit.maxCriteria', '/framework/domains'],
      ['limit.maxCases', '/cases'],
    ]);
  });
});

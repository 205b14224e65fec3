import { describe, expect, it } from 'vitest';
import { compilePack } from '../compile/compile-pack.js';
import { evaluate } from '../evaluate/evaluate.js';
import { validatePack } from '../schema/validate-pack.js';
import { analyse } from '../analyse/analyse.js';
import { EvaluationError } from '../errors.js';
import { scored, statementsPack } from '../fixtures/statements-pack.js';
import type { Extensions, Pack } from '../types.js';

const date = '2025-06-01';

/**
 * A plugin fact `needsPlan`: whether a domain (its `domain` parameter) is rated below Silver.
 * It reads the per-domain decision `domainRating`, so it must run after it.
 */
const needsPlan = (params: Record<string, unknown>, facts: Readonly<Record<string, unknown>>): boolean => {
  const r = facts[`domainRating.${String(params.domain)}`];
  return r === 'Inadequate' || r === 'Bronze';
};

/** The statements pack with a per-domain `improvementPlan` decision written BEFORE the ratings it depends on. */
function packWithPlan(declare = true): Pack {
  const pack = statementsPack();
  const yesNo = { label: 'Yes or no', values: ['no', 'yes'] };
  return {
    ...pack,
    scales: { ...pack.scales, yesNo },
    extensions: { facts: ['needsPlan'], ...(declare ? { declarations: { needsPlan: { reads: { decisions: ['domainRating'] }, returns: { type: 'boolean' as const } } } } : {}) },
    decisions: {
      improvementPlan: {
        label: 'Improvement plan', scale: 'yesNo', hitPolicy: 'first', forEach: 'domain', source: { doc: 'guide', section: '4' },
        rules: [
          { id: 'plan', when: { fact: 'needsPlan', params: { domain: '$domain' }, operator: 'equal', value: true }, output: 'yes', source: { doc: 'guide', section: '4' } },
          { id: 'none', when: { fact: 'needsPlan', params: { domain: '$domain' }, operator: 'equal', value: false }, output: 'no', source: { doc: 'guide', section: '4' } },
        ],
      },
      ...pack.decisions,
    },
  };
}
const extensions: Extensions = { facts: { needsPlan } };

describe('plugin fact declarations (reads, returns)', () => {
  // Compiled while collecting (the first compile builds the schema validator, which is slow on a busy machine).
  const declared = compilePack(packWithPlan(), { extensions });
  it('orders a plugin fact after the decisions it declares it reads, and gives it $domain resolved', () => {
    const d = evaluate(declared, { date, judgements: scored(['1', '4', '4', '4'], ['4', '4', '4', '4']) });
    // Safe is capped at Bronze (a statement scored 1), so it needs a plan; Caring is Gold.
    expect(d.decisions['improvementPlan.safe']).toBe('yes');
    expect(d.decisions['improvementPlan.caring']).toBe('no');
  });

  it('without the declaration the plugin runs before the ratings exist (the failure the issue reports)', () => {
    const c = compilePack(packWithPlan(false), { extensions });
    const d = evaluate(c, { date, judgements: scored(['1', '4', '4', '4'], ['4', '4', '4', '4']) });
    expect(d.decisions['improvementPlan.safe']).toBe('no');
  });

  it('takes the plugin\'s own declarations when the pack names the fact only', () => {
    const pack = packWithPlan(false);
    const withDecl: Extensions = { ...extensions, declarations: { needsPlan: { reads: { decisions: ['domainRating'] }, returns: { type: 'boolean' } } } };
    const d = evaluate(compilePack(pack, { extensions: withDecl }), { date, judgements: scored(['1', '4', '4', '4'], ['4', '4', '4', '4']) });
    expect(d.decisions['improvementPlan.safe']).toBe('yes');
  });

  it('refuses at run time a plugin that reads a decision it did not declare', () => {
    const pack = packWithPlan();
    pack.extensions!.declarations!.needsPlan!.reads = { decisions: ['domainScore'] };
    const c = compilePack(pack, { extensions });
    const run = () => evaluate(c, { date, judgements: scored(['4', '4', '4', '4'], ['4', '4', '4', '4']) });
    expect(run).toThrow(EvaluationError);
    expect(run).toThrow(/improvementPlan\.(safe|caring): plugin fact "needsPlan" read decision "domainRating\.(safe|caring)", which it does not declare/);
  });

  it('refuses at run time a value the plugin returns outside what it declares, naming the fact and the pointer', () => {
    const returning = (v: unknown): Extensions => ({ facts: { needsPlan: () => v } });
    const run = (v: unknown) => () => evaluate(compilePack(packWithPlan(), { extensions: returning(v) }), { date, judgements: scored(['4', '4', '4', '4'], ['4', '4', '4', '4']) });
    // It declares true or false (returns.type: boolean): the text "yes" is not one.
    expect(run('yes')).toThrow(EvaluationError);
    expect(run('yes')).toThrow('plugin fact "needsPlan" returned the text "yes", but it declares true or false (returns.type: boolean). (at /decisions/improvementPlan/rules/0/when/fact)');
    expect(run(1)).toThrow(/returned the number 1, but it declares true or false/);
    // What it declares passes, and so does nothing (the plugin does not know: as an input not recorded;
    // here no rule then matches, the pack's own gap, not a refusal of the value).
    expect(run(false)().decisions['improvementPlan.safe']).toBe('no');
    expect(run(undefined)).toThrow('improvementPlan.safe: no rule matched and the decision has no fallback.');
    // Values of an enum, and numbers within bounds.
    const pack = packWithPlan();
    pack.extensions!.declarations!.needsPlan!.returns = { type: 'integer', minimum: 0, maximum: 3 };
    pack.decisions.improvementPlan!.rules![0]!.when = { fact: 'needsPlan', params: { domain: '$domain' }, operator: 'greaterThan', value: 1 };
    pack.decisions.improvementPlan!.rules![1]!.when = { fact: 'needsPlan', params: { domain: '$domain' }, operator: 'lessThanInclusive', value: 1 };
    const c = (v: unknown) => () => evaluate(compilePack(pack, { extensions: returning(v) }), { date, judgements: scored(['4', '4', '4', '4'], ['4', '4', '4', '4']) });
    expect(c(2)().decisions['improvementPlan.safe']).toBe('yes');
    expect(c(7)).toThrow('plugin fact "needsPlan" returned the number 7, outside the 0 to 3 it declares (returns.minimum / returns.maximum). (at /decisions/improvementPlan/rules/0/when/fact)');
    expect(c(1.5)).toThrow(/returned the number 1.5, but it declares a whole number/);
    pack.extensions!.declarations!.needsPlan!.returns = { enum: [0, 2] };
    expect(c(1)).toThrow(/returned the number 1, which is not among the values it declares \(returns.enum: 0, 2\)/);
  });

  it('refuses a use that gives the plugin an undeclared decision to read, and declarations of unknown names', () => {
    const pack = packWithPlan();
    pack.decisions.improvementPlan!.rules![0]!.when = { fact: 'needsPlan', params: { domain: '$domain', of: 'domainScore' }, operator: 'equal', value: true };
    pack.extensions!.declarations!.needsPlan!.reads!.inputs = ['visitDate'];
    pack.extensions!.declarations!.ghost = { returns: { scale: 'stars' } };
    const errors = validatePack(pack, { extensions }).errors;
    const use = errors.find((e) => e.pointer === '/decisions/improvementPlan/rules/0/when/params/of')!;
    expect(use.message).toMatch(/does not declare that it reads decision "domainScore"/);
    expect(use.hint).toMatch(/reads\.decisions of "needsPlan"/);
    expect(errors.map((e) => e.pointer)).toEqual(expect.arrayContaining([
      '/extensions/declarations/needsPlan/reads/inputs/0', '/extensions/declarations/ghost', '/extensions/declarations/ghost/returns/scale',
    ]));
  });

  it('compares a plugin fact that declares it returns values of a scale by that scale\'s order', () => {
    const pack = packWithPlan();
    pack.extensions = { facts: ['weakest'], declarations: { weakest: { reads: { decisions: ['domainRating'] }, returns: { scale: 'rating' } } } };
    // The weakest domain rating (s5) by a plugin: at least Silver means no domain is below Silver.
    pack.decisions.improvementPlan!.rules = [
      { id: 'none', when: { fact: 'weakest', operator: 'atLeast', value: 'Silver' }, output: 'no', source: { doc: 'guide', section: '5' } },
      { id: 'plan', when: { all: [] }, output: 'yes', source: { doc: 'guide', section: '5' } },
    ];
    delete pack.decisions.improvementPlan!.forEach;
    const order = ['Inadequate', 'Bronze', 'Silver', 'Gold'];
    const weakest = (_: Record<string, unknown>, facts: Readonly<Record<string, unknown>>): string =>
      order[Math.min(...['safe', 'caring'].map((d) => order.indexOf(facts[`domainRating.${d}`] as string)))]!;
    const ext: Extensions = { facts: { weakest } };
    expect(validatePack(pack, { extensions: ext }).errors).toEqual([]);
    const c = compilePack(pack, { extensions: ext });
    expect(evaluate(c, { date, judgements: scored(['3', '3', '3', '3'], ['4', '4', '4', '4']) }).decisions.improvementPlan).toBe('no');
    expect(evaluate(c, { date, judgements: scored(['1', '4', '4', '4'], ['4', '4', '4', '4']) }).decisions.improvementPlan).toBe('yes');
    pack.decisions.improvementPlan!.rules![0]!.when = { fact: 'weakest', operator: 'atLeast', value: 'Platinum' };
    expect(validatePack(pack, { extensions: ext }).errors.map((e) => e.pointer)).toContain('/decisions/improvementPlan/rules/0/when/value');
  });

  it('reports a plugin fact that reads the decision using it as a cycle', () => {
    const pack = packWithPlan();
    pack.extensions!.declarations!.needsPlan!.reads!.decisions = ['improvementPlan'];
    expect(validatePack(pack, { extensions }).errors.some((e) => e.code === 'cycle' && /improvementPlan -> improvementPlan/.test(e.message))).toBe(true);
  });

  it('refuses $domain given to a plugin fact outside a per-domain decision', () => {
    const pack = packWithPlan();
    pack.decisions.overallRating!.rules![0]!.when = { fact: 'needsPlan', params: { domain: '$domain' }, operator: 'equal', value: true };
    expect(validatePack(pack, { extensions }).errors.some((e) => e.pointer === '/decisions/overallRating/rules/0/when/params/domain')).toBe(true);
  });

  it('lets the analyser vary a plugin fact over the values it declares it returns: no false gap', () => {
    const report = analyse(declared);
    const plan = report.decisions.find((d) => d.decision === 'improvementPlan.safe')!;
    expect(plan.exhaustive).toBe(true);
    expect(plan.findings.filter((f) => f.kind === 'gap')).toEqual([]);
    expect(report.complete).toBe(true);
    // Without `returns` the plugin fact is one unvaried point: the analysis cannot be complete.
    const bare = analyse(compilePack(packWithPlan(false), { extensions }));
    expect(bare.decisions.find((d) => d.decision === 'improvementPlan.safe')!.exhaustive).toBe(false);
    expect(bare.complete).toBe(false);
  });

  it('finds a real gap a plugin fact\'s declared values leave', () => {
    const pack = packWithPlan();
    pack.decisions.improvementPlan!.rules!.pop();
    const plan = analyse(compilePack(pack, { extensions })).decisions.find((d) => d.decision === 'improvementPlan.safe')!;
    expect(plan.findings.filter((f) => f.kind === 'gap').flatMap((f) => f.examples.map((e) => e.inputs)).join(' ')).toMatch(/needsPlan .*false/);
  });
});

describe('a plugin fact given a declared parameter', () => {
  it('receives the pack-wide value when no domain gives one, in evaluation and in the analyser\'s read key alike', async () => {
    const { resolvePluginParams } = await import('./plugin-declaration.js');
    const declared = { limit: { label: 'Limit', type: 'integer' as const, value: 3, source: { doc: 'guide', section: '1' } } };
    expect(resolvePluginParams({ n: { param: 'limit' }, d: '$domain' }, { id: 'safe', title: 'Safe', standards: [] }, declared)).toEqual({ n: 3, d: 'safe' });
    // A domain's own value wins over the pack-wide one.
    expect(resolvePluginParams({ n: { param: 'limit' } }, { id: 'safe', title: 'Safe', standards: [], parameters: { limit: 5 } }, declared)).toEqual({ n: 5 });
    expect(resolvePluginParams({ n: { param: 'limit' } }, undefined, declared)).toEqual({ n: 3 });
  });
});

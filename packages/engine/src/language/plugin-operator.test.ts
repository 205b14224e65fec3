import { describe, expect, it } from 'vitest';
import { compilePack } from '../compile/compile-pack.js';
import { evaluate } from '../evaluate/evaluate.js';
import { explainDetermination } from '../explain/explain-determination.js';
import { validatePack } from '../schema/validate-pack.js';
import { analyseInstance } from '../analyse/analyse.js';
import { operatorPlugin } from '../fixtures/operator-plugin.js';
import { judgementsFor } from '../fixtures/example-pack.js';
import { comparisonWords, operatorWords } from './wording.js';
import { diffPacks } from '../diff/diff-packs.js';
import type { Condition, Extensions, Pack } from '../types.js';

const plugin = operatorPlugin();
const withRule = (when: Condition, pack: Pack = plugin.pack): Pack => {
  const p = structuredClone(pack);
  p.decisions.staffingConcern!.rules![0]!.when = when;
  return p;
};
const errorsOf = (pack: Pack, extensions: Extensions | undefined = plugin.extensions) => validatePack(pack, { ...(extensions ? { extensions } : {}) }).errors;
const RULE = '/decisions/staffingConcern/rules/0/when';
/** An assessment of the fixture pack with this vacancy rate. */
const assessed = (vacancyRate: number) => ({ date: '2025-06-01', judgements: judgementsFor(plugin.pack, 'Fully met'), facts: { statementLate: false, vacancyRate } });

describe('plugin operator declarations', () => {
  it('the fixture plugin validates with its declaration', () => {
    expect(errorsOf(plugin.pack)).toEqual([]);
  });

  it('refuses an operator no plugin or pack names, at its pointer, listing the operators', () => {
    const errors = errorsOf(withRule({ fact: 'vacancyRate', operator: 'withinTenOf', value: 20 }));
    expect(errors).toEqual([expect.objectContaining({ pointer: `${RULE}/operator`, message: 'Unknown operator "withinTenOf".', hint: expect.stringContaining('withinFiveOf') })]);
  });

  it('refuses a fact of a kind the operator does not compare (a date), naming both', () => {
    const errors = errorsOf(withRule({ fact: 'assessmentDate', operator: 'withinFiveOf', value: 20 }));
    expect(errors).toEqual([expect.objectContaining({
      pointer: `${RULE}/fact`,
      message: 'Operator "withinFiveOf" compares a number, but fact "assessmentDate" is a date.',
      hint: expect.stringContaining('accepts number'),
    })]);
  });

  it('refuses a value of the wrong kind: a text, a date parameter, a text fact', () => {
    expect(errorsOf(withRule({ fact: 'vacancyRate', operator: 'withinFiveOf', value: 'twenty' }))).toEqual([expect.objectContaining({
      pointer: `${RULE}/value`, message: 'Operator "withinFiveOf" takes a number as its value, but the value "twenty" is a text.', hint: expect.stringContaining('takes number'),
    })]);
    const withParam = withRule({ fact: 'vacancyRate', operator: 'withinFiveOf', value: { param: 'reviewFrom' } } as unknown as Condition);
    withParam.parameters = { reviewFrom: { label: 'Reviews from', type: 'date', value: '2025-01-01', source: { doc: 'guide', section: '3' } } };
    // (the example pack's domain parameters are undeclared, so those errors come too; the one here is the operator's)
    expect(errorsOf(withParam)).toContainEqual(expect.objectContaining({
      pointer: `${RULE}/value/param`, message: 'Operator "withinFiveOf" takes a number as its value, but parameter "reviewFrom" is a date.',
    }));
    expect(errorsOf(withRule({ fact: 'vacancyRate', operator: 'withinFiveOf', value: { fact: 'assessmentDate' } } as Condition))).toEqual([expect.objectContaining({
      pointer: `${RULE}/value/fact`, message: 'Operator "withinFiveOf" takes a number as its value, but fact "assessmentDate" is a date.',
    })]);
  });

  it('takes a whole number where it takes a number', () => {
    expect(errorsOf(withRule({ fact: 'vacancyRate', operator: 'withinFiveOf', value: 20.5 }))).toEqual([]);
  });

  it('refuses a plugin operator used with no declaration, at the use, the hint showing the declaration to add', () => {
    const undeclared: Extensions = { operators: plugin.extensions!.operators! };
    expect(errorsOf(plugin.pack, undeclared)).toEqual([{
      code: 'extension', pointer: '/decisions/staffingConcern/rules/0/when/operator',
      message: 'Plugin operator "withinFiveOf" has no declaration: the engine cannot check what it compares.',
      hint: 'Declare it in the pack\'s extensions.operatorDeclarations (or the plugin\'s): "withinFiveOf": { "accepts": ["number"], "takes": "number", "words": "<what it means, in plain words>" }.',
    }]);
    // Compiling refuses it too (compiling validates), so no evaluation runs it unchecked.
    expect(() => compilePack(plugin.pack, { extensions: undeclared })).toThrow(/withinFiveOf" has no declaration/);
    // A date compared with a text: the hint fills in those kinds.
    expect(errorsOf(withRule({ fact: 'assessmentDate', operator: 'withinFiveOf', value: 'soon' }), undeclared)[0]!.hint).toContain('"accepts": ["date"], "takes": "string"');
    // The pack's own declaration is enough, without the plugin's.
    const own = structuredClone(plugin.pack);
    own.extensions!.operatorDeclarations = plugin.extensions!.operatorDeclarations!;
    expect(errorsOf(own, undeclared)).toEqual([]);
  });

  it('refuses at run time a fact value of a kind the operator does not compare, or a value of a kind it does not take, naming both and the pointer', () => {
    // A plugin fact the pack cannot type (no returns declared) gives the operator a text: not a silent false.
    const pack = withRule({ fact: 'rateBand', operator: 'withinFiveOf', value: 20 });
    pack.extensions!.facts = ['rateBand'];
    const extensions = (v: unknown): Extensions => ({ ...plugin.extensions!, facts: { rateBand: () => v } });
    expect(errorsOf(pack, extensions('x'))).toEqual([]);
    const run = (v: unknown) => () => evaluate(compilePack(pack, { extensions: extensions(v) }), assessed(20));
    expect(run('high')).toThrow('plugin operator "withinFiveOf" (is within 5 of) compares a number, but fact "rateBand" is a text here: "high". (at /decisions/staffingConcern/rules/0/when/fact)');
    expect(run(18)().decisions.staffingConcern).toBe('watch');
    // Not recorded reaches the operator as before (it is false there, and the later rule decides).
    expect(evaluate(compilePack(pack, { extensions: extensions(undefined) }), assessed(30)).decisions.staffingConcern).toBe('act');
    // The value side: another fact holding a text.
    const byFact = withRule({ fact: 'vacancyRate', operator: 'withinFiveOf', value: { fact: 'rateBand' } } as Condition);
    byFact.extensions!.facts = ['rateBand'];
    expect(() => evaluate(compilePack(byFact, { extensions: extensions('twenty') }), assessed(20))).toThrow('plugin operator "withinFiveOf" (is within 5 of) takes a number, but its value is a text here: "twenty". (at /decisions/staffingConcern/rules/0/when/value)');
  });

  it('a pack may declare the operator itself; a declaration of an operator it does not use, or changesAt on texts, is refused', () => {
    const own = structuredClone(plugin.pack);
    own.extensions!.operatorDeclarations = { withinFiveOf: { accepts: ['string'], takes: 'string', words: 'sounds like' } };
    // The pack's declaration wins over the plugin's: now a number fact and a number value are the wrong kinds.
    expect(errorsOf(own).map((e) => e.pointer)).toEqual([`${RULE}/fact`, `${RULE}/value`]);
    own.extensions!.operatorDeclarations = { soundsLike: { accepts: ['string'], takes: 'string', words: 'sounds like', changesAt: { values: [1] } } };
    expect(errorsOf(own).map((e) => [e.pointer, e.message])).toEqual([
      ['/extensions/operatorDeclarations/soundsLike', '"soundsLike" is declared but is not a plugin operator the pack uses.'],
      ['/extensions/operatorDeclarations/soundsLike/changesAt', 'Operator "soundsLike" says where its verdict on a number changes, but it does not accept numbers (accepts: string).'],
    ]);
    const bad = structuredClone(plugin.pack);
    (bad.extensions as Record<string, unknown>).operatorDeclarations = { withinFiveOf: { accepts: [], takes: 'number', words: '' } };
    expect(errorsOf(bad).map((e) => e.pointer)).toEqual(expect.arrayContaining(['/extensions/operatorDeclarations/withinFiveOf/accepts', '/extensions/operatorDeclarations/withinFiveOf/words']));
  });

  it('explanations word the operator with its declared words', () => {
    const c = compilePack(plugin.pack, { extensions: plugin.extensions! });
    const d = evaluate(c, assessed(18), { explain: true });
    expect(d.decisions.staffingConcern).toBe('watch');
    const lines = explainDetermination(c.pack, d, plugin.extensions).filter((t) => t.decision === 'staffingConcern').flatMap((t) => t.because);
    expect(lines).toContain('the staff vacancy rate is within 5 of 20: yes (18)');
    // Without the plugin, the pack's own declaration words it; without either, its name.
    expect(explainDetermination(c.pack, d).filter((t) => t.decision === 'staffingConcern').flatMap((t) => t.because)).toContain('the staff vacancy rate withinFiveOf 20: yes (18)');
    const own = structuredClone(plugin.pack);
    own.extensions!.operatorDeclarations = { withinFiveOf: { accepts: ['number'], takes: 'number', words: 'is no more than 5 away from' } };
    const cOwn = compilePack(own, { extensions: { operators: plugin.extensions!.operators! } });
    expect(explainDetermination(own, evaluate(cOwn, assessed(18), { explain: true })).filter((t) => t.decision === 'staffingConcern').flatMap((t) => t.because)).toContain('the staff vacancy rate is no more than 5 away from 20: yes (18)');
    expect(operatorWords('withinFiveOf', plugin.extensions!.operatorDeclarations)).toBe('is within 5 of');
    expect(comparisonWords('withinFiveOf', 20, '20', plugin.extensions!.operatorDeclarations)).toBe('is within 5 of 20');
    expect(operatorWords('withinFiveOf')).toBe('withinFiveOf');
  });

  it('qaf diff words a change of its value with the words the pack declares', () => {
    const a = structuredClone(plugin.pack);
    a.extensions!.operatorDeclarations = plugin.extensions!.operatorDeclarations!;
    const b = structuredClone(a);
    (b.decisions.staffingConcern!.rules![0]!.when as { value: number }).value = 25;
    expect(diffPacks(a, b).changes.map((c) => c.summary)).toEqual(['Staffing concern, rule "watch": the staff vacancy rate is within 5 of 20 -> 25']);
    // Without a declaration, its name.
    delete a.extensions!.operatorDeclarations;
    delete b.extensions!.operatorDeclarations;
    expect(diffPacks(a, b).changes.map((c) => c.summary)).toEqual(['Staffing concern, rule "watch": the staff vacancy rate withinFiveOf 20 -> 25']);
  });

  it('the analyser partitions a number the operator compares at its declared change points: exhaustive, and the gaps found', () => {
    const c = compilePack(plugin.pack, { extensions: plugin.extensions! });
    const a = analyseInstance(c, c.instances.find((i) => i.id === 'staffingConcern')!);
    expect(a.exhaustive).toBe(true);
    // Below 15 no rule fires (no fallback): a gap, shown with a rate below 15; not recorded is a gap too.
    const gaps = a.findings.filter((f) => f.kind === 'gap').flatMap((f) => f.examples.map((e) => e.inputs));
    expect(gaps.some((x) => /vacancy rate (\d+(\.\d+)?)\b/.test(x) && Number(/vacancy rate (\d+(\.\d+)?)/.exec(x)![1]) < 15)).toBe(true);
    expect(gaps.some((x) => /not recorded/.test(x))).toBe(true);
    // Every rate from 15 to 100 is covered: brute force over every tenth of a percent finds no gap there.
    for (let v = 150; v <= 1000; v++) expect(evaluate(c, assessed(v / 10)).decisions.staffingConcern, String(v / 10)).toBe(v <= 250 ? 'watch' : 'act');
    // Declared without changesAt, the number is sampled.
    const sampled = compilePack(plugin.pack, { extensions: { operators: plugin.extensions!.operators!, operatorDeclarations: { withinFiveOf: { accepts: ['number'], takes: 'number', words: 'is within 5 of' } } } });
    expect(analyseInstance(sampled, sampled.instances.find((i) => i.id === 'staffingConcern')!).exhaustive).toBe(false);
  });
});

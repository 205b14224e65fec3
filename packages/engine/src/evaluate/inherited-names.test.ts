import { describe, expect, it } from 'vitest';
import { compilePack } from '../compile/compile-pack.js';
import { humanDecisionPack } from '../fixtures/human-decision-pack.js';
import type { Pack } from '../types.js';
import { AssessmentError } from '../errors.js';
import { examplePack, judgementsFor } from '../fixtures/example-pack.js';
import { validatePack } from '../schema/validate-pack.js';
import { listParameters } from '../language/parameters/list-parameters.js';
import { caseAssessment, runCases } from '../testing/run-cases.js';
import { randomAssessment, seededRandom } from '../reference/random-assessment.js';
import { evaluate } from './evaluate.js';
import { explainDetermination } from '../explain/explain-determination.js';
import { interpretationTitle, interpretationsInWords } from '../explain/interpretation-title.js';

/**
 * Names a pack gives (a decision, an input fact, a parameter, a criterion) that every object also
 * has through its prototype (`toString`, `valueOf`): an evaluation reads the assessment's and the
 * pack's own members only, so such a name finds nothing where nothing was given.
 */

/** The fixture's `level` decision (a person takes it) renamed, with every reference to it. */
function levelNamed(name: string): Pack {
  const p = humanDecisionPack();
  const { level, ...rest } = p.decisions;
  p.decisions = { [name]: level!, ...rest };
  const text = JSON.stringify(p).replaceAll('"fact":"level"', `"fact":"${name}"`);
  return JSON.parse(text) as Pack;
}

const base = { date: '2027-01-04', facts: { concerns: 4, score: 75 } };

describe('a pack-given name every object inherits', () => {
  for (const name of ['toString', 'valueOf', 'hasOwnProperty']) {
    it(`a decision named "${name}" has no recorded decision unless one is recorded`, () => {
      const c = compilePack(levelNamed(name));
      // Another decision recorded: the assessment has decisions, none of them this one.
      const d = evaluate(c, { ...base, decisions: { rating: { value: 'Good', by: 'Officer', at: '2027-01-05', reason: 'Seen on the visit' } } });
      expect(d.decidedBy).toEqual({ rating: expect.objectContaining({ value: 'Good', kind: 'override' }) });
      expect(d.proposals).toEqual([expect.objectContaining({ decision: name, proposed: 'Level 2' })]);
      expect(d.decisions[name]).toBe('Level 2');
      expect(d.headline).toMatchObject({ value: 'Enhanced monitoring', pending: true });
      // Recorded, it is taken.
      const taken = evaluate(c, { ...base, decisions: { [name]: { value: 'Level 1', by: 'Panel chair', at: '2027-01-11' } } });
      expect(taken.decisions[name]).toBe('Level 1');
      expect(taken.proposals).toBeUndefined();
    });
  }

  for (const name of ['toString', 'valueOf', 'hasOwnProperty']) {
    it(`the words of a determination read a decision named "${name}" as proposed where another was recorded, not as taken`, () => {
      const pack = levelNamed(name);
      const d = evaluate(compilePack(pack), { ...base, decisions: { rating: { value: 'Good', by: 'Officer', at: '2027-01-05', reason: 'Seen on the visit' } } }, { explain: true });
      const person = explainDetermination(pack, d).filter((e) => e.decision === name && ['proposal', 'override', 'decided-by'].includes(e.rule));
      expect(person.map((e) => [e.rule, e.output])).toEqual([['proposal', 'Level 2']]);
      expect(JSON.stringify(person)).not.toContain('undefined');
    });
  }

  it('an interpretation id every object has is no interpretation of the pack', () => {
    const pack = examplePack();
    for (const id of ['constructor', 'tostring', 'toString', '__proto__']) {
      expect(interpretationTitle(pack, id)).toBe(id);
      expect(interpretationsInWords(pack, `no level yet (interpretation ${id}).`)).toBe(`no level yet (interpretation ${id}).`);
    }
  });

  it('an input fact named "toString" not given is not present', () => {
    const p = humanDecisionPack();
    Object.assign(p.inputs.properties, { toString: { type: 'string', description: 'A note.' } });
    p.outcomes.actions!.push({ id: 'note-given', label: 'Read the note', owner: 'council', when: { fact: 'toString', operator: 'present', value: true }, source: { doc: 'strategy', section: '4' } });
    const c = compilePack(p);
    expect(evaluate(c, base).actions.map((a) => a.id)).toEqual(['action-plan']);
    expect(evaluate(c, { ...base, facts: { ...base.facts, toString: 'noted' } }).actions.map((a) => a.id)).toEqual(['action-plan', 'note-given']);
  });

  it('a criterion named "valueOf" not judged is missing where judgements are required', () => {
    const p = examplePack();
    p.framework!.domains[0]!.standards[0]!.criteria[0]!.id = 'valueOf';
    p.framework!.judgements.required = true;
    const c = compilePack(p);
    const a = randomAssessment(c, seededRandom(3));
    Reflect.deleteProperty(a.judgements!, 'valueOf');
    let problems: { pointer: string; message: string }[] = [];
    try { evaluate(c, { ...a, facts: { statementLate: false } }); } catch (e) { if (e instanceof AssessmentError) problems = e.errors; else throw e; }
    expect(problems).toEqual([expect.objectContaining({ pointer: '/judgements/valueOf', message: 'Criterion "valueOf" has no judgement.' })]);
  });
});

/**
 * Every name an object inherits from `Object.prototype` that the issue names, in each place a
 * pack names things: a parameter (pack-wide and per domain), an input fact, a criterion id, a
 * decision and a scale value. Each either works as any other name does, or is refused with a
 * message at its JSON pointer (`constructor` and `__proto__` as an object's key, which could
 * alter object prototypes). The pack is read as text, as the CLI and the server read it.
 */
describe('every Object.prototype name, in each place a pack names things', () => {
  const INHERITED = ['toString', 'hasOwnProperty', 'valueOf'] as const;
  const KEYS_REFUSED = ['constructor', '__proto__'] as const;
  const src = (section: string) => ({ doc: 'guide', section });
  const q = (name: string) => JSON.stringify(name);
  /** The example pack with its per-domain numbers declared, as parameters. */
  const declared = (): Pack => {
    const p = examplePack();
    p.parameters = {
      goldMinExceptional: { label: 'Gold: Exceptional advanced criteria at least', type: 'integer', min: 0, max: 19, source: src('2') },
      silverMinFullyMet: { label: 'Silver: Fully met criteria at least', type: 'integer', min: 0, max: 19, source: src('2') },
      bronzeMaxNotMet: { label: 'Bronze: Not met criteria at most', type: 'integer', min: 0, max: 19, source: src('2') },
      mandatory: { label: 'Mandatory criteria in the domain', type: 'integer', min: 0, max: 19, source: src('2') },
    };
    return p;
  };
  const errorsOf = (text: string) => validatePack(text).errors.map((e) => [e.pointer, e.message]);
  const late = { date: '2025-03-01', judgements: judgementsFor(examplePack(), 'Fully met'), facts: { statementLate: true } };

  /** A pack-wide parameter of this name gives the improvement plan's due time: 10 days. */
  const wideParameter = (name: string): string => {
    const p = declared();
    // Defined, not assigned: `__proto__` is then a member like any other, as JSON.parse makes it.
    Object.defineProperty(p.parameters, name, { value: { label: 'Improvement plan due within', type: 'integer', unit: 'days', min: 1, max: 60, value: 10, source: src('4') }, enumerable: true, writable: true, configurable: true });
    p.outcomes.actions![0]!.due = { days: { param: name } };
    return JSON.stringify(p);
  };
  /** The per-domain Bronze threshold (bronzeMaxNotMet) declared and given under this name. */
  const domainParameter = (name: string): string => JSON.stringify(declared()).replaceAll('"bronzeMaxNotMet"', q(name));

  for (const name of INHERITED) {
    it(`a parameter named "${name}" is declared, listed, bounded and read like any other`, () => {
      const r = validatePack(wideParameter(name));
      expect(r.errors).toEqual([]);
      expect(listParameters(r.pack!).find((p) => p.name === name)?.values).toEqual([{ pointer: `/parameters/${name}/value`, value: 10 }]);
      // A late statement gives Inadequate; the improvement plan is due 10 days after 1 March 2025.
      expect(evaluate(compilePack(r.pack!), late).actions.find((a) => a.id === 'improvement-plan')?.due).toBe('2025-03-11');
      expect(errorsOf(wideParameter(name).replace('"value":10', '"value":90'))).toContainEqual([`/parameters/${name}/value`, `Improvement plan due within ("${name}") is 90, but it must be from 1 to 60 days.`]);

      const perDomain = validatePack(domainParameter(name));
      expect(perDomain.errors).toEqual([]);
      // FIVE_DOMAINS' Bronze thresholds: 2, 3, 2, 4, 3 Not met criteria at most.
      expect(listParameters(perDomain.pack!).find((p) => p.name === name)?.values.map((v) => [v.pointer, v.value])).toEqual(
        [0, 1, 2, 3, 4].map((di) => [`/framework/domains/${di}/parameters/${name}`, [2, 3, 2, 4, 3][di]]));
      // A domain that gives no value is missing it, as for any name.
      const missing = JSON.parse(domainParameter(name)) as Pack;
      Reflect.deleteProperty(missing.framework!.domains[0]!.parameters!, name);
      expect(errorsOf(JSON.stringify(missing))).toContainEqual([expect.stringMatching(/^\/decisions\/domainBand\/rules\/\d\/when\//), `Domain "involvement" has no value for parameter "${name}".`]);
      // Given by a domain but not declared, it is named.
      const undeclared = JSON.parse(domainParameter(name)) as Pack;
      Reflect.deleteProperty(undeclared.parameters!, name);
      expect(errorsOf(JSON.stringify(undeclared))).toContainEqual([`/framework/domains/0/parameters/${name}`, `Domain "involvement" gives parameter "${name}", which is not declared in parameters.`]);
    });

    it(`an input fact, a criterion, a decision and a scale value named "${name}" work like any other name`, () => {
      const fact = JSON.parse(JSON.stringify(examplePack()).replaceAll('"statementLate"', q(name))) as Pack;
      expect(validatePack(fact).errors).toEqual([]);
      expect(evaluate(compilePack(fact), { date: '2025-03-01', judgements: judgementsFor(fact, 'Fully met'), facts: { [name]: true } }).headline.value).toBe('Inadequate');

      // The first criterion of Involvement: judged Not met, it is that domain's one Not met criterion and a mandatory one.
      const crit = examplePack();
      crit.framework!.domains[0]!.standards[0]!.criteria[0]!.id = name;
      const cp = validatePack(JSON.stringify(crit));
      expect(cp.errors).toEqual([]);
      const judged = (j: string) => evaluate(compilePack(cp.pack!), { date: '2025-03-01', judgements: judgementsFor(crit, 'Fully met', { [name]: j }), facts: { statementLate: false } });
      expect(judged('Fully met').decisions['domainBand.involvement']).toBe('Silver');
      expect(judged('Not met').decisions['domainBand.involvement']).toBe('Inadequate');

      // The quality score decision renamed: its value is the score (Silver 50).
      const decision = validatePack(JSON.stringify(examplePack()).replaceAll('"qualityScore"', q(name)));
      expect(decision.errors).toEqual([]);
      expect(runCases(compilePack(decision.pack!), decision.pack!.cases!).failed).toBe(0);
      expect(evaluate(compilePack(decision.pack!), { date: '2025-03-01', judgements: judgementsFor(examplePack(), 'Fully met'), facts: { statementLate: false } }).decisions[name]).toBe(50);
      // A headline naming it when no decision is so named is not declared.
      const headline = examplePack();
      headline.outcomes.headline = name;
      expect(errorsOf(JSON.stringify(headline))).toContainEqual(['/outcomes/headline', `Headline decision "${name}" is not declared.`]);
    });
  }

  for (const name of [...INHERITED, ...KEYS_REFUSED]) {
    it(`a scale value "${name}" is a value like any other (Silver renamed: every criterion Fully met gives it, and the score 50)`, () => {
      const r = validatePack(JSON.stringify(examplePack()).replaceAll('"Silver"', q(name)));
      expect(r.errors).toEqual([]);
      const d = evaluate(compilePack(r.pack!), caseAssessment(r.pack!, r.pack!.cases![0]!));
      expect(d.headline.value).toBe(name);
      expect(d.scores).toEqual({ qualityScore: 50 });
      // A mapping to a scale with this value, leaving it out, is not total.
      const partial = examplePack();
      partial.scales.regulator = { label: 'Regulator rating', values: ['Inadequate', 'Requires Improvement', name, 'Outstanding'] };
      const table = partial.mappings!.regulatorToBand!.table as Record<string, string>;
      Reflect.deleteProperty(table, 'Good');
      expect(errorsOf(JSON.stringify(partial))).toContainEqual(['/mappings/regulatorToBand/table', `Mapping "regulatorToBand" is not total: "${name}" (on scale regulator) has no entry.`]);
    });
  }

  for (const name of KEYS_REFUSED) {
    it(`"${name}" as a parameter, an input fact, a decision or a criterion id is refused at its pointer`, () => {
      const refused = [`The key "${name}" is not allowed.`];
      expect(errorsOf(wideParameter(name))).toEqual([[`/parameters/${name}`, ...refused]]);
      expect(errorsOf(domainParameter(name))).toEqual([
        ...[0, 1, 2, 3, 4].map((di) => [`/framework/domains/${di}/parameters/${name}`, ...refused]),
        [`/parameters/${name}`, ...refused],
      ]);
      expect(errorsOf(JSON.stringify(examplePack()).replaceAll('"statementLate"', q(name)))).toContainEqual([`/inputs/properties/${name}`, ...refused]);
      expect(errorsOf(JSON.stringify(examplePack()).replaceAll('"qualityScore"', q(name)))).toContainEqual([`/decisions/${name}`, ...refused]);
      const crit = examplePack();
      crit.framework!.domains[0]!.standards[0]!.criteria[0]!.id = name;
      expect(errorsOf(JSON.stringify(crit))).toEqual([['/framework/domains/0/standards/0/criteria/0/id', name === '__proto__'
        ? 'Does not have the expected form (^[A-Za-z0-9][A-Za-z0-9_.-]*$).'
        : `Criterion id "${name}" cannot be used: assessments and cases give judgements by criterion id, and "${name}" is refused there as a key (it could alter object prototypes).`]]);
    });
  }
});

import { describe, expect, it } from 'vitest';
import { compilePack } from '../compile/compile-pack.js';
import { humanDecisionPack } from '../fixtures/human-decision-pack.js';
import type { Pack } from '../types.js';
import { AssessmentError } from '../errors.js';
import { examplePack } from '../fixtures/example-pack.js';
import { randomAssessment, seededRandom } from '../reference/random-assessment.js';
import { evaluate } from './evaluate.js';

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

import { describe, expect, it } from 'vitest';
import { leftExpressionPack } from '../fixtures/left-expression-pack.js';
import { judgementsFor } from '../fixtures/example-pack.js';
import { compilePack } from '../compile/compile-pack.js';
import { decisionDependencies } from '../compile/decision-graph.js';
import { evaluate } from '../evaluate/evaluate.js';
import { validatePack } from '../schema/validate-pack.js';
import { explainDetermination } from '../explain/explain-determination.js';
import { analyse } from '../analyse/analyse.js';
import { diffPacks } from '../diff/diff-packs.js';
import { boundaryCoverage } from '../testing/boundary-coverage.js';
import { leafConditionWords } from './wording.js';
import type { Condition, Pack, PackCase } from '../types.js';

const pack = leftExpressionPack();
const compiled = compilePack(pack);
const facts = (f: Record<string, unknown>) => ({ statementLate: false, weightedScore: 10, penaltyPoints: 0, visitsDue: 10, visitsMissed: 0, ...f });
const run = (f: Record<string, unknown>, c = compiled) => evaluate(c, { date: '2025-06-01', judgements: judgementsFor(pack, 'Fully met'), facts: facts(f) }, { explain: true });
const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id);
const because = (d: ReturnType<typeof run>, rule: string) => explainDetermination(pack, d).find((e) => e.rule === rule)!.because;
const errorsOf = (p: Pack) => validatePack(p).errors.map((e) => [e.pointer, e.message]);
const leaf = (p: Pack): Condition & Record<string, unknown> => p.decisions.contractStanding!.rules![0]!.when as Condition & Record<string, unknown>;

describe('an expression on the left side of a condition (issue 10)', () => {
  it('is a valid pack', () => {
    expect(validatePack(pack).errors).toEqual([]);
  });

  it('decides a rule: Concern when the weighted score minus the penalty points is below 5', () => {
    expect(run({ weightedScore: 7, penaltyPoints: 3 }).decisions.contractStanding).toBe('Concern'); // 7 - 3 = 4 < 5
    expect(run({ weightedScore: 8, penaltyPoints: 3 }).decisions.contractStanding).toBe('Satisfactory'); // 8 - 3 = 5, not below 5
    expect(run({ weightedScore: 7, penaltyPoints: undefined }).decisions.contractStanding).toBe('Satisfactory'); // nothing to subtract: the fallback
  });

  it('caps by a limiter: at most Bronze when more than 10 per cent of the visits due were missed', () => {
    // Every criterion Fully met gives Silver (the example pack's cases); 2 of 10 missed is 20 per cent.
    expect(run({ visitsMissed: 1 }).decisions.overallRating).toBe('Silver'); // 10 per cent is not more than 10
    expect(run({ visitsMissed: 2 }).decisions.overallRating).toBe('Bronze');
  });

  it('fires an action on a date expression and a schedule entry on a number expression compared with a fact', () => {
    // Six months after 2024-12-01 is 2025-06-01, on the assessment date; after 2024-12-02 it is 2025-06-02.
    expect(ids(run({ noticeDate: '2024-12-01' }).actions)).toContain('review-notice');
    expect(ids(run({ noticeDate: '2024-12-02' }).actions)).not.toContain('review-notice');
    // 3 penalty points times 2 is 6: at least a weighted score of 6, not of 7.
    expect(ids(run({ weightedScore: 6, penaltyPoints: 3 }).schedule)).toContain('extra-visit');
    expect(ids(run({ weightedScore: 7, penaltyPoints: 3 }).schedule)).not.toContain('extra-visit');
  });

  it('explains each in the expression\'s words, the value being the expression\'s', () => {
    const d = run({ weightedScore: 6, penaltyPoints: 3, visitsMissed: 2, noticeDate: '2024-12-01' });
    expect(because(d, 'concern')).toEqual(['Weighted score minus Penalty points is less than 5: yes (3)']);
    expect(because(d, 'missed-visits')).toEqual(['Visits missed as a percentage of Visits due is more than 10: yes (20)', 'so Silver is capped: it cannot be above Bronze']);
    expect(because(d, 'review-notice')).toEqual(['6 months after Default notice date is on or before 2025-06-01 (the assessment date): yes (2025-06-01)']);
    expect(because(d, 'extra-visit')).toEqual(['Penalty points times 2 is at least 6 (Weighted score): yes (6)']);
    const entry = d.explanation!.entries.find((e) => e.kind === 'decision' && e.of === 'contractStanding') as { rules: { rule: string; conditions: unknown[] }[] };
    expect(entry.rules.find((r) => r.rule === 'concern')!.conditions).toEqual([{ value: 3, holds: true }]);
  });

  it('words a leaf for an editor and for a diff', () => {
    const helpers = { value: (v: unknown) => String(v), name: (id: string) => id, subject: (f: string) => ({ weightedScore: 'Weighted score', penaltyPoints: 'Penalty points' })[f] ?? f };
    expect(leafConditionWords(leaf(pack) as never, { text: '5' }, helpers)).toBe('Weighted score minus Penalty points is less than 5');
    const b = structuredClone(pack);
    leaf(b).value = 6;
    expect(diffPacks(pack, b).changes.map((c) => c.summary)).toEqual(['Contract standing, rule "Concern": Weighted score minus Penalty points is less than 5 -> 6']);
  });

  it('names the expression\'s pointer when it divides by zero', () => {
    const p = leftExpressionPack();
    p.inputs.properties.visitsDue = { type: 'integer', minimum: 0, maximum: 20 };
    expect(() => run({ visitsDue: 0, visitsMissed: 1 }, compilePack(p))).toThrow('(at /decisions/overallRating/limits/0/when/expression/percentage/of)');
  });

  it('orders a decision after the decisions its expression reads', () => {
    const p = leftExpressionPack();
    const src = { doc: 'guide', section: '6' };
    // Listed first, it reads the quality score (a decision listed after it).
    p.decisions = {
      lowScore: { label: 'Low score', scale: 'standing', hitPolicy: 'first', source: src, fallback: { output: 'Satisfactory', source: src },
        rules: [{ id: 'low', output: 'Concern', source: src, when: { expression: { subtract: [{ fact: 'qualityScore' }, { fact: 'penaltyPoints' }] }, operator: 'lessThan', value: 30 } }] },
      ...p.decisions,
    };
    expect([...decisionDependencies(p).get('lowScore')!]).toEqual(['qualityScore']);
    const c = compilePack(p);
    // Every criterion Fully met: Silver, a score of 50; with 2 of 10 visits missed, Bronze and 25.
    expect(run({ penaltyPoints: 4 }, c).decisions.lowScore).toBe('Satisfactory'); // 50 - 4 = 46
    expect(run({ penaltyPoints: 4, visitsMissed: 2 }, c).decisions.lowScore).toBe('Concern'); // 25 - 4 = 21
  });

  it('is analysed exhaustively where the facts it reads are bounded whole numbers', () => {
    const r = analyse(compiled);
    const standing = r.decisions.find((x) => x.decision === 'contractStanding')!;
    expect(standing.exhaustive).toBe(true);
    expect(standing.dimensions).toEqual(['weightedScore (12)', 'penaltyPoints (7)']);
    // 11 x 6 recorded pairs, 45 of them below 5 (w 0-4: 6 each; w 5-9: 5, 4, 3, 2, 1; w 10: none): 21 fall
    // to the fallback, with the 18 pairs that leave one or both unrecorded: 39.
    expect(standing.findings.map((f) => [f.kind, f.count])).toEqual([['fallback-only', 39]]);
    const overall = r.decisions.find((x) => x.decision === 'overallRating')!;
    expect(overall.exhaustive).toBe(true);
    expect(overall.dimensions).toEqual(expect.arrayContaining(['visitsMissed (22)', 'visitsDue (21)']));
  });

  it('lists a number threshold in the expression\'s words, with the cases on each side', () => {
    const x: PackCase = { id: 'x', note: 'Weighted score 7 less 3 penalty points is 4', input: { date: '2025-06-01', facts: facts({ weightedScore: 7, penaltyPoints: 3 }) }, fillJudgements: 'Fully met', want: {} };
    const th = boundaryCoverage(pack, [x]).thresholds.find((t) => t.rule === 'concern')!;
    expect(th.words).toBe('Weighted score minus Penalty points is less than 5');
    expect(th.sides).toEqual([{ side: 'below', coveredBy: ['x'] }, { side: 'at-or-above', edge: 5, coveredBy: [] }]);
  });

  describe('meaning checks', () => {
    it('refuse both a fact and an expression, or neither, at the leaf', () => {
      const both = leftExpressionPack();
      leaf(both).fact = 'weightedScore';
      expect(errorsOf(both)).toEqual([['/decisions/contractStanding/rules/0/when', 'A condition compares a fact or an expression, not both: it gives both "fact" and "expression".']]);
      const neither = leftExpressionPack();
      delete leaf(neither).expression;
      expect(errorsOf(neither)).toEqual([['/decisions/contractStanding/rules/0/when', 'A condition must say what it compares: it gives neither "fact" nor "expression".']]);
    });

    it('refuse an operator that does not fit the expression\'s kind', () => {
      const date = leftExpressionPack();
      leaf(date).operator = 'before';
      expect(errorsOf(date)).toEqual([['/decisions/contractStanding/rules/0/when/operator', 'Operator "before" compares dates, but the expression gives a number.']]);
      const scale = leftExpressionPack();
      leaf(scale).operator = 'atLeast';
      expect(errorsOf(scale)).toEqual([['/decisions/contractStanding/rules/0/when/operator', 'Operator "atLeast" compares by scale order, but an expression has no scale.']]);
      const number = leftExpressionPack();
      (number.outcomes.actions!.at(-1)!.when as { operator: string }).operator = 'greaterThan';
      expect(errorsOf(number)).toEqual([['/outcomes/actions/2/when/operator', 'Operator "greaterThan" compares numbers, but the expression gives a date.']]);
    });

    it('check the expression itself, and refuse a fact\'s params or path on it', () => {
      const unknown = leftExpressionPack();
      leaf(unknown).expression = { subtract: [{ fact: 'weightedScor' }, { fact: 'penaltyPoints' }] };
      expect(errorsOf(unknown).map(([p]) => p)).toEqual(['/decisions/contractStanding/rules/0/when/expression/subtract/0/fact']);
      const literal = leftExpressionPack();
      leaf(literal).expression = 5;
      expect(errorsOf(literal)).toEqual([['/decisions/contractStanding/rules/0/when/expression', 'The condition\'s expression 5 is not an expression form.']]);
      const path = leftExpressionPack();
      leaf(path).path = '$.a';
      expect(errorsOf(path)).toEqual([['/decisions/contractStanding/rules/0/when/path', '"path" belongs to a fact, but this condition compares an expression.']]);
    });
  });
});

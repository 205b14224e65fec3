import { describe, expect, it } from 'vitest';
import { examplePack } from '../fixtures/example-pack.js';
import { validatePack } from '../schema/validate-pack.js';
import { explainDetermination } from '../explain/explain-determination.js';
import { caseAssessment, runCases } from '../testing/run-cases.js';
import { compilePack } from '../compile/compile-pack.js';
import type { Pack } from '../types.js';
import { evaluate } from './evaluate.js';

/** An assessment on `date` with every criterion Fully met. */
const on = (date: string) => caseAssessment(examplePack(), { id: 'a', note: '', input: { date, facts: { statementLate: false } }, fillJudgements: 'Fully met' });

/** The example pack with a warning for assessments after the guide's review date, 31 March 2025. */
function withWarning(): Pack {
  const p = examplePack();
  p.interpretations = { ...p.interpretations, 'review-date-warning': { title: 'After the review date', note: 'The guide may be out of date after its review date.', source: { doc: 'guide', section: '1' } } };
  p.outcomes.warnings = [{
    id: 'past-review-date', message: 'The guide is past its review date (31 March 2025): check it is still current',
    when: { fact: 'assessmentDate', operator: 'after', value: '2025-03-31', label: 'the assessment is after the review date' },
    source: { doc: 'guide', section: '1' }, interpretation: 'review-date-warning',
  }];
  return p;
}

describe('warnings', () => {
  it('are given with the determination, citation and interpretation, only while their condition holds', () => {
    const p = withWarning();
    expect(validatePack(p).errors).toEqual([]);
    const after = evaluate(p, on('2025-04-01'));
    expect(after.warnings).toEqual([{ id: 'past-review-date', message: 'The guide is past its review date (31 March 2025): check it is still current', citation: 'guide s1', interpretation: 'review-date-warning' }]);
    expect(after.interpretations.map((i) => i.id)).toContain('review-date-warning');
    // Not an action.
    expect(after.actions.map((a) => a.id)).not.toContain('past-review-date');
    // On the review date itself no warning, and no `warnings` key (determinations without warnings are as before).
    const onReviewDate = evaluate(p, on('2025-03-31'));
    expect('warnings' in onReviewDate).toBe(false);
  });

  it('are explained: the condition, its value and whether it held', () => {
    const d = evaluate(withWarning(), on('2025-04-01'), { explain: true });
    expect(d.explanation!.entries).toContainEqual({ kind: 'warning', of: 'past-review-date', fired: true, conditions: [{ value: '2025-04-01', holds: true }] });
    const words = explainDetermination(withWarning(), d).find((t) => t.decision === 'warnings')!;
    expect(words).toMatchObject({ rule: 'past-review-date', label: 'The guide is past its review date (31 March 2025): check it is still current', fired: true, source: 'guide s1' });
    expect(words.because.join(' ')).toMatch(/review date/);
  });

  it('are checked: ids unique, conditions meaningful, cases name known warnings, and cases test them', () => {
    const p = withWarning();
    p.outcomes.warnings!.push({ ...p.outcomes.warnings![0]!, when: { fact: 'nope', operator: 'equal', value: 1 } });
    p.cases = [{ id: 'w', note: 'n', input: { date: '2025-04-01', facts: {} }, want: { warnings: ['unknown-warning'] } }];
    const errors = validatePack(p).errors.map((e) => `${e.pointer}: ${e.message}`);
    expect(errors).toEqual(expect.arrayContaining([
      '/outcomes/warnings/1/id: The warning id "past-review-date" is used twice.',
      expect.stringMatching(/^\/outcomes\/warnings\/1\/when/),
      '/cases/0/want/warnings/0: Case "w" expects unknown warning "unknown-warning".',
    ]));
    const q = withWarning();
    q.cases = [
      { id: 'given', note: 'after', input: { date: '2025-04-01', facts: { statementLate: false } }, fillJudgements: 'Fully met', want: { warnings: ['past-review-date'] } },
      { id: 'not-given', note: 'before', input: { date: '2025-03-01', facts: { statementLate: false } }, fillJudgements: 'Fully met', want: { warnings: ['past-review-date'] } },
      { id: 'wrongly-given', note: 'after', input: { date: '2025-04-01', facts: { statementLate: false } }, fillJudgements: 'Fully met', want: { noWarnings: ['past-review-date'] } },
    ];
    const { results } = runCases(compilePack(q));
    expect(results.map((r) => [r.id, r.failures])).toEqual([
      ['given', []],
      ['not-given', ['warning past-review-date: expected, but not given']],
      ['wrongly-given', ['warning past-review-date: given, but expected not to be']],
    ]);
  });
});

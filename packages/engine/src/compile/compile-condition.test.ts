import { describe, expect, it } from 'vitest';
import { compileCondition, explainCondition } from './compile-condition.js';
import { compilePack } from './compile-pack.js';
import { initialState } from '../evaluate/evaluate.js';
import { validatePack } from '../schema/validate-pack.js';
import { examplePack } from '../fixtures/example-pack.js';
import { inputSpace } from '../analyse/input-space.js';
import type { LeafCondition, Pack } from '../types.js';

/** "The regulator's rating is more than 3 months old", with no plugin fact. */
const stale: LeafCondition = { fact: 'regulatorRatingDate', operator: 'before', value: { addMonths: -3, to: { fact: 'assessmentDate' } } };

describe('a date expression as a condition\'s value', () => {
  const compiled = compilePack(examplePack());
  const scope = { index: compiled.index, extensions: {}, domainIndex: -1, countSlots: new Map<string, number>() };
  const state = (ratedOn: string) => initialState(compiled, { date: '2025-06-01', judgements: {}, facts: { regulatorRatingDate: ratedOn } }, '2025-06-01');

  it('holds more than 3 months ago and not on the boundary day or after it', () => {
    const c = compileCondition(stale, scope);
    expect(c.test(state('2024-06-01'))).toBe(true);
    expect(c.test(state('2025-02-28'))).toBe(true);
    expect(c.test(state('2025-03-01'))).toBe(false);
    expect(c.test(state('2025-05-01'))).toBe(false);
  });

  it('explains the value it computed and how', () => {
    const c = compileCondition(stale, scope);
    expect(explainCondition(c, state('2025-01-15')).lines).toEqual([expect.stringMatching(/is before 2025-03-01 \(-3 months after .*\): yes \(2025-01-15\)$/)]);
    expect(explainCondition(c, state('2025-04-15')).lines).toEqual([expect.stringMatching(/is before 2025-03-01 \(-3 months after .*\): no, it was 2025-04-15$/)]);
  });

  it('takes the following weekday and working days on a calendar too', () => {
    const c = compileCondition({ fact: 'regulatorRatingDate', operator: 'onOrBefore', value: { nextWeekday: 'friday', after: { addWorkingDays: 1, to: '2025-12-24', calendar: 'england-and-wales' } } }, scope);
    // One working day after Christmas Eve in England is Monday 29 December; the Friday after it is 2 January.
    expect(c.test(state('2026-01-02'))).toBe(true);
    expect(c.test(state('2026-01-03'))).toBe(false);
  });

  it('is checked where it stands: a bad expression inside the value is reported at its pointer', () => {
    const pack: Pack = structuredClone(examplePack());
    pack.outcomes.actions![0]!.when = { fact: 'regulatorRatingDate', operator: 'before', value: { addWorkingDays: 3, to: { fact: 'noSuchFact' }, calendar: 'wales' } };
    const pointers = validatePack(pack).errors.map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/outcomes/actions/0/when/value/to/fact', '/outcomes/actions/0/when/value/calendar']));
  });

  it('makes the analyser vary the facts the value reads', () => {
    const dims = (pack: Pack): string[] => {
      const c = compilePack(pack);
      return inputSpace(c, c.instances.find((i) => i.decisionId === 'visitBand')!).map((d) => d.name);
    };
    const pack: Pack = structuredClone(examplePack());
    pack.decisions.visitBand!.rules![0]!.when = { fact: 'statementLate', operator: 'equal', value: { latestDate: [{ fact: 'regulatorRatingDate' }] } };
    expect(dims(examplePack())).not.toContain('regulatorRatingDate');
    expect(dims(pack)).toContain('regulatorRatingDate');
  });
});

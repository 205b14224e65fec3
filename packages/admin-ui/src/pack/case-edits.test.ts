import type { PackCase } from '@openqaf/engine';
import { describe, expect, it } from 'vitest';
import { applyCaseEdit, caseIdProblem, copyId, withExpectedDecision, withFact, withFill, withJudgement, withWant } from './case-edits.js';
import { casePack } from './case-pack.test-helpers.js';

describe('case edits', () => {
  const pack = casePack() as unknown as Record<string, unknown> & { cases: PackCase[] };
  const silver = pack.cases[0]!;

  it('copies a case after the original with a new id and everything else the same', () => {
    const next = applyCaseEdit(pack, { kind: 'copy', index: 0, id: 'safe-silver-at-3' }).cases as PackCase[];
    expect(next.map((c) => c.id)).toEqual(['safe-silver-at-2', 'safe-silver-at-3', 'safe-bronze-at-1', 'refuses-unjudged']);
    expect({ ...next[1], id: silver.id }).toEqual(silver);
    next[1]!.input.judgements!['s-03'] = 'Fully met';
    expect(silver.input.judgements!['s-03']).toBe('Partly met');
  });

  it('deletes and replaces a case without touching the original pack', () => {
    expect((applyCaseEdit(pack, { kind: 'delete', index: 1 }).cases as PackCase[]).map((c) => c.id)).toEqual(['safe-silver-at-2', 'refuses-unjudged']);
    const replaced = applyCaseEdit(pack, { kind: 'replace', index: 0, case: { ...silver, note: 'changed' } }).cases as PackCase[];
    expect(replaced[0]!.note).toBe('changed');
    expect(pack.cases[0]!.note).toBe('Two of three Fully met gives Silver');
  });

  it('refuses an empty, malformed or duplicate id in plain words, but not the case\'s own id', () => {
    expect(caseIdProblem(pack.cases, ' ')).toBe('Give the case an id.');
    expect(caseIdProblem(pack.cases, 'has space')).toMatch(/^Use letters, digits/);
    expect(caseIdProblem(pack.cases, 'safe-bronze-at-1')).toBe('Another case is already called "safe-bronze-at-1".');
    expect(caseIdProblem(pack.cases, 'safe-silver-at-2', 0)).toBeUndefined();
  });

  it('suggests a copy id no case uses', () => {
    expect(copyId(pack.cases, 'safe-silver-at-2')).toBe('safe-silver-at-2-copy');
    expect(copyId([...pack.cases, { ...silver, id: 'safe-silver-at-2-copy' }], 'safe-silver-at-2')).toBe('safe-silver-at-2-copy-2');
  });

  it('sets and clears a judgement, leaving the criterion to the fill', () => {
    expect(withJudgement(silver, 's-01', 'Not met').input.judgements).toEqual({ 's-03': 'Partly met', 's-01': 'Not met' });
    expect(withJudgement(silver, 's-03', undefined).input).toEqual({ date: '2025-03-01', facts: { cqcRating: 'Good' } });
  });

  it('writes the fill as a string while only the default is set, and per domain otherwise', () => {
    expect(withFill(silver, 'safe', 'Partly met').fillJudgements).toEqual({ '*': 'Fully met', safe: 'Partly met' });
    expect(withFill(withFill(silver, 'safe', 'Partly met'), 'safe', undefined).fillJudgements).toBe('Fully met');
    expect('fillJudgements' in withFill(silver, '*', undefined)).toBe(false);
  });

  it('records and removes facts', () => {
    expect(withFact(silver, 'concernsRaised', true).input.facts).toEqual({ cqcRating: 'Good', concernsRaised: true });
    expect(withFact(silver, 'cqcRating', undefined).input.facts).toEqual({});
  });

  it('drops an expectation when it is emptied, and keeps want on a case that expects nothing else', () => {
    expect(withExpectedDecision(silver, 'domainRating.safe', 'Bronze').want).toEqual({ decisions: { 'domainRating.safe': 'Bronze' } });
    expect(withExpectedDecision(silver, 'domainRating.safe', undefined).want).toEqual({});
    expect(withWant(pack.cases[1]!, 'actions', []).want).not.toHaveProperty('actions');
    expect(withWant(pack.cases[2]!, 'noActions', [])).not.toHaveProperty('want');
  });
});

import { describe, expect, it } from 'vitest';
import { humanDecisionPack } from '../fixtures/human-decision-pack.js';
import { validatePack } from '../schema/validate-pack.js';
import { departsFromProposal, reasonMissingWords, reasonRequired } from './human-decision.js';

describe('departsFromProposal', () => {
  it('is true for another value, or any value where nothing was proposed, and false for the proposed value', () => {
    expect(departsFromProposal('Level 2', 'Level 1')).toBe(true);
    expect(departsFromProposal('Level 2', 'Level 2')).toBe(false);
    expect(departsFromProposal(3, 3)).toBe(false);
    expect(departsFromProposal(null, 'Level 1')).toBe(true);
  });
});

describe('reasonMissingWords', () => {
  it('says a decision marked departsWithoutReason departs only where its value is not the proposal', () => {
    expect(reasonMissingWords({ value: 'Level 1', computed: 'Level 2' })).toBe('departs from the proposal and has no reason');
    expect(reasonMissingWords({ value: 'Level 2', computed: 'Level 2' })).toBe('agrees with the proposal but has no reason, which the framework requires');
    expect(reasonMissingWords({ value: 'Level 1', computed: null })).toBe('departs from the proposal and has no reason');
  });
});

describe('reasonRequired (decidedBy.reasonRequired)', () => {
  const level = (rule?: 'never' | 'when-departing' | 'always') => {
    const d = humanDecisionPack().decisions.level!;
    if (rule) d.decidedBy!.reasonRequired = rule;
    return d;
  };

  it('requires no reason by default ("never"), whatever is recorded', () => {
    expect(reasonRequired(level())).toBe(false);
    expect(reasonRequired(level(), { proposed: 'Level 2', value: 'Level 1' })).toBe(false);
    expect(reasonRequired(level('never'), { proposed: 'Level 2', value: 'Level 1' })).toBe(false);
  });

  it('requires one "when-departing" only for a value other than the proposal', () => {
    expect(reasonRequired(level('when-departing'), { proposed: 'Level 2', value: 'Level 1' })).toBe(true);
    expect(reasonRequired(level('when-departing'), { proposed: 'Level 2', value: 'Level 2' })).toBe(false);
    // Without the values it cannot tell: only a reason required whatever the value counts.
    expect(reasonRequired(level('when-departing'))).toBe(false);
  });

  it('requires one "always", and for an override unless the pack says not', () => {
    expect(reasonRequired(level('always'))).toBe(true);
    expect(reasonRequired(level('always'), { proposed: 'Level 2', value: 'Level 2' })).toBe(true);
    const rating = humanDecisionPack().decisions.rating!;
    expect(reasonRequired(rating)).toBe(true);
    rating.override!.reasonRequired = false;
    expect(reasonRequired(rating)).toBe(false);
  });
});

describe('the meaning of decidedBy.reasonRequired', () => {
  it('accepts the three values and refuses another by the schema', () => {
    for (const rule of ['never', 'when-departing', 'always'] as const) {
      const p = humanDecisionPack();
      p.decisions.level!.decidedBy!.reasonRequired = rule;
      expect(validatePack(p).errors).toEqual([]);
    }
    const p = humanDecisionPack() as unknown as { decisions: { level: { decidedBy: Record<string, unknown> } } };
    p.decisions.level.decidedBy.reasonRequired = true;
    expect(validatePack(p).errors.some((e) => e.pointer === '/decisions/level/decidedBy/reasonRequired')).toBe(true);
  });

  it('refuses "when-departing" on a decision whose rules never propose a value a person may record: every decision would depart', () => {
    const p = humanDecisionPack();
    p.decisions.level!.decidedBy!.reasonRequired = 'when-departing';
    p.decisions.level!.rules = p.decisions.level!.rules!.map((r) => ({ ...r, output: 'Level 1' }));
    p.decisions.level!.fallback = { ...p.decisions.level!.fallback!, output: 'Level 1' };
    p.decisions.level!.decidedBy!.values = ['Level 2', 'Level 3'];
    const errors = validatePack(p).errors;
    expect(errors).toEqual([expect.objectContaining({ pointer: '/decisions/level/decidedBy/reasonRequired', code: 'decided-by' })]);
    expect(errors[0]!.hint).toMatch(/"always"/);
    p.decisions.level!.decidedBy!.reasonRequired = 'always';
    expect(validatePack(p).errors).toEqual([]);
  });
});

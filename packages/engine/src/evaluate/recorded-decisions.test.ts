import { describe, expect, it } from 'vitest';
import { compilePack } from '../compile/compile-pack.js';
import { explainDetermination } from '../explain/explain-determination.js';
import { evaluate } from './evaluate.js';
import { AssessmentError } from '../errors.js';
import { validatePack } from '../schema/validate-pack.js';
import { analyse } from '../analyse/analyse.js';
import { humanDecisionPack } from '../fixtures/human-decision-pack.js';
import { proposalWords, reasonMissingWords } from '../language/human-decision.js';
import { runCases } from '../testing/run-cases.js';

const pack = compilePack(humanDecisionPack());
// Monday 4 January 2027; ten working days later is Monday 18 January.
const base = { date: '2027-01-04', facts: { concerns: 4, score: 75 } };

function problems(a: unknown): { pointer: string; message: string }[] {
  try { evaluate(pack, a); } catch (e) { if (e instanceof AssessmentError) return e.errors; throw e; }
  return [];
}

describe('a decision a person takes (decidedBy)', () => {
  it('proposes the indicated value, names who decides and by when, and marks the headline that rests on it pending', () => {
    const d = evaluate(pack, base, { explain: true });
    expect(d.proposals).toEqual([{ decision: 'level', proposed: 'Level 2', role: 'multi-agency-panel', roleLabel: 'the multi-agency panel', due: '2027-01-18', source: 'strategy s4.2', meanwhile: 'proposed' }]);
    // Meanwhile the rest of the pack reads the proposed value.
    expect(d.decisions.level).toBe('Level 2');
    expect(d.headline).toEqual({ decision: 'response', value: 'Enhanced monitoring', scale: 'response', pending: true });
    expect(d.actions.map((a) => a.id)).toEqual(['action-plan']);
    expect(d.decidedBy).toBeUndefined();
    expect(explainDetermination(pack.pack, d).find((t) => t.rule === 'proposal')).toMatchObject({ decision: 'level', output: 'Level 2', because: ['to be decided by the multi-agency panel, by 2027-01-18; until then the pack reads the proposed value'] });
    expect(proposalWords(d.proposals![0]!)).toBe('Proposed: Level 2. To be decided by the multi-agency panel, by 2027-01-18.');
    // A plural or "or" role reads right too (Birmingham's "the Council or its partners"), the date in the caller's words.
    expect(proposalWords({ proposed: 'Bronze', roleLabel: 'the Council or its partners', due: '2027-01-18' }, () => '18 January 2027'))
      .toBe('Proposed: Bronze. To be decided by the Council or its partners, by 18 January 2027.');
    expect(proposalWords({ proposed: 'Bronze', roleLabel: 'the team managers' })).toBe('Proposed: Bronze. To be decided by the team managers (no date set by the framework).');
  });

  it('takes the recorded decision as the value downstream decisions and actions read, recording who, when and why', () => {
    const d = evaluate(pack, { ...base, decisions: { level: { value: 'Level 1', by: 'Panel chair', at: '2027-01-11', reason: 'Concerns resolved at the meeting' } } }, { explain: true });
    expect(d.proposals).toBeUndefined();
    expect(d.decisions.level).toBe('Level 1');
    expect(d.headline).toEqual({ decision: 'response', value: 'Routine monitoring', scale: 'response' });
    expect(d.actions).toEqual([]);
    expect(d.decidedBy).toEqual({ level: { value: 'Level 1', by: 'Panel chair', at: '2027-01-11', reason: 'Concerns resolved at the meeting', computed: 'Level 2', kind: 'decision', role: 'multi-agency-panel' } });
    expect(explainDetermination(pack.pack, d).find((t) => t.rule === 'decided-by')?.because[0]).toBe('recorded by Panel chair on 2027-01-11: Concerns resolved at the meeting');
  });

  it('reads no value meanwhile when the pack declares the decision undecided until taken', () => {
    const d = evaluate(compilePack(humanDecisionPack('undecided')), base);
    expect(d.decisions.level).toBeNull();
    expect(d.proposals?.[0]).toMatchObject({ proposed: 'Level 2', meanwhile: 'undecided' });
    expect(d.headline).toMatchObject({ value: 'Routine monitoring', pending: true });
    expect(d.actions).toEqual([]);
  });
});

describe('a reason for departing from the proposal (decidedBy.reasonRequired)', () => {
  const withRule = (rule: 'when-departing' | 'always') => {
    const p = humanDecisionPack();
    p.decisions.level!.decidedBy!.reasonRequired = rule;
    return compilePack(p);
  };
  const evaluated = (c: ReturnType<typeof compilePack>, a: unknown) => {
    try { return { d: evaluate(c, a), errors: [] }; } catch (e) { if (e instanceof AssessmentError) return { d: undefined, errors: e.errors }; throw e; }
  };

  it('refuses a decision that departs from the proposal without a reason, naming /decisions/<id>/reason and what is missing', () => {
    const c = withRule('when-departing');
    // Four concerns propose Level 2; the panel records Level 1.
    const { errors } = evaluated(c, { ...base, decisions: { level: { value: 'Level 1', by: 'Panel chair', at: '2027-01-11' } } });
    expect(errors).toEqual([{ pointer: '/decisions/level/reason', fact: 'level', message: 'The reason is missing: the decision records "Level 1" for "level", departing from the proposal "Level 2", and the pack requires the multi-agency panel to say why when departing from it.' }]);
    expect(evaluated(c, { ...base, decisions: { level: { value: 'Level 1', by: 'Panel chair', at: '2027-01-11', reason: '   ' } } }).errors.map((e) => e.pointer)).toEqual(['/decisions/level/reason']);
  });

  it('takes a departing decision with its reason, and one that agrees with the proposal without one', () => {
    const c = withRule('when-departing');
    expect(evaluated(c, { ...base, decisions: { level: { value: 'Level 1', by: 'Panel chair', at: '2027-01-11', reason: 'Concerns resolved' } } }).d?.decisions.level).toBe('Level 1');
    expect(evaluated(c, { ...base, decisions: { level: { value: 'Level 2', by: 'Panel chair', at: '2027-01-11' } } }).d?.decisions.level).toBe('Level 2');
    // The default ("never") takes a departure without a reason.
    expect(evaluated(pack, { ...base, decisions: { level: { value: 'Level 1', by: 'Panel chair', at: '2027-01-11' } } }).d?.decisions.level).toBe('Level 1');
  });

  it('refuses any decision without a reason when the pack always requires one', () => {
    const { errors } = evaluated(withRule('always'), { ...base, decisions: { level: { value: 'Level 2', by: 'Panel chair', at: '2027-01-11' } } });
    expect(errors).toEqual([expect.objectContaining({ pointer: '/decisions/level/reason', message: 'The reason for the decision on "level" is missing: the pack requires the multi-agency panel to say why, whatever the value.' })]);
  });
});

describe('a decision recorded earlier, determined again under a version whose proposal differs', () => {
  // The panel agreed with the proposal Level 2 without a reason; the version in force now proposes Level 3 for 4 concerns.
  const later = () => {
    const p = humanDecisionPack();
    p.decisions.level!.decidedBy!.reasonRequired = 'when-departing';
    p.decisions.level!.rules![0]!.when = { fact: 'concerns', operator: 'greaterThanInclusive', value: 4 };
    return compilePack(p);
  };
  const agreed = { ...base, decisions: { level: { value: 'Level 2', by: 'Panel chair', at: '2027-01-11' } } };

  it('stands, and says it departs from the new proposal without a reason, who is to confirm it and by when', () => {
    const d = evaluate(later(), agreed, { recordedEarlier: ['level'] });
    expect(d.decisions.level).toBe('Level 2');
    expect(d.decidedBy?.level).toEqual({ value: 'Level 2', by: 'Panel chair', at: '2027-01-11', computed: 'Level 3', kind: 'decision', role: 'multi-agency-panel', departsWithoutReason: true, roleLabel: 'the multi-agency panel', source: 'strategy s4.2', due: '2027-01-18' });
    expect(d.proposals).toBeUndefined();
  });

  it('is refused when recorded now (not listed as recorded earlier), naming /decisions/level/reason', () => {
    expect(() => evaluate(later(), agreed)).toThrow(AssessmentError);
    expect(() => evaluate(later(), agreed, { recordedEarlier: ['rating'] })).toThrow(/departing from the proposal "Level 3"/);
  });

  it('is not marked where it still agrees, or gives its reason', () => {
    expect(evaluate(later(), { ...agreed, facts: { concerns: 3, score: 75 } }, { recordedEarlier: ['level'] }).decidedBy?.level?.departsWithoutReason).toBeUndefined();
    const reasoned = { ...base, decisions: { level: { value: 'Level 2', by: 'Panel chair', at: '2027-01-11', reason: 'Concerns in hand' } } };
    expect(evaluate(later(), reasoned, { recordedEarlier: ['level'] }).decidedBy?.level).not.toHaveProperty('departsWithoutReason');
  });
});

describe('a decision recorded earlier without a reason, determined again under a version that always requires one', () => {
  // The version in force now says the panel must always say why (reasonRequired: always); the
  // rules still propose Level 2 for 4 concerns. The decisions below were recorded without a reason.
  const always = () => {
    const p = humanDecisionPack();
    p.decisions.level!.decidedBy!.reasonRequired = 'always';
    return compilePack(p);
  };
  const agreed = { ...base, decisions: { level: { value: 'Level 2', by: 'Panel chair', at: '2027-01-11' } } };
  const departed = { ...base, decisions: { level: { value: 'Level 1', by: 'Panel chair', at: '2027-01-11' } } };
  const refusal = (c: ReturnType<typeof compilePack>, a: unknown, opts?: { recordedEarlier: string[] }) => {
    try { evaluate(c, a, opts); } catch (e) { if (e instanceof AssessmentError) return e.errors; throw e; }
    return [];
  };

  it('stands, agreeing with the proposal or not, marked for the multi-agency panel to confirm with a reason by the due date', () => {
    const same = evaluate(always(), agreed, { recordedEarlier: ['level'] });
    expect(same.decisions.level).toBe('Level 2');
    // Due: the panel's ten working days from Monday 4 January 2027 (the assessment date), Monday 18 January.
    expect(same.decidedBy?.level).toEqual({ value: 'Level 2', by: 'Panel chair', at: '2027-01-11', computed: 'Level 2', kind: 'decision', role: 'multi-agency-panel', departsWithoutReason: true, roleLabel: 'the multi-agency panel', source: 'strategy s4.2', due: '2027-01-18' });
    expect(same.proposals).toBeUndefined();
    const other = evaluate(always(), departed, { recordedEarlier: ['level'] });
    // Level 1 is what the rest of the pack reads: the response is routine monitoring, no action plan.
    expect(other.decisions.level).toBe('Level 1');
    expect(other.headline.value).toBe('Routine monitoring');
    expect(other.decidedBy?.level).toMatchObject({ value: 'Level 1', computed: 'Level 2', departsWithoutReason: true, roleLabel: 'the multi-agency panel' });
  });

  it('says in words that the one agreeing with the proposal has no reason, and that the one departing from it departs', () => {
    // The mark is the same on both (stored determinations carry it); the values tell them apart.
    const same = evaluate(always(), agreed, { recordedEarlier: ['level'] }).decidedBy!.level!;
    expect(reasonMissingWords(same)).toBe('agrees with the proposal but has no reason, which the framework requires');
    const other = evaluate(always(), departed, { recordedEarlier: ['level'] }).decidedBy!.level!;
    expect(reasonMissingWords(other)).toBe('departs from the proposal and has no reason');
  });

  it('is refused when recorded now, or when another decision is the one recorded earlier, naming /decisions/level/reason', () => {
    const message = 'The reason for the decision on "level" is missing: the pack requires the multi-agency panel to say why, whatever the value.';
    for (const a of [agreed, departed]) {
      expect(refusal(always(), a)).toEqual([{ pointer: '/decisions/level/reason', fact: 'level', message }]);
      expect(refusal(always(), a, { recordedEarlier: ['rating'] })).toEqual([{ pointer: '/decisions/level/reason', fact: 'level', message }]);
    }
    // Recorded earlier, a blank reason stands as none; a bad one is still bad input.
    expect(evaluate(always(), { ...base, decisions: { level: { ...agreed.decisions.level, reason: '  ' } } }, { recordedEarlier: ['level'] }).decidedBy?.level?.departsWithoutReason).toBe(true);
    expect(refusal(always(), { ...base, decisions: { level: { ...agreed.decisions.level, reason: 3 } } }, { recordedEarlier: ['level'] }).map((e) => e.pointer)).toEqual(['/decisions/level/reason']);
  });

  it('is not marked when it gives its reason', () => {
    const reasoned = { ...base, decisions: { level: { value: 'Level 1', by: 'Panel chair', at: '2027-01-11', reason: 'Concerns resolved' } } };
    expect(evaluate(always(), reasoned, { recordedEarlier: ['level'] }).decidedBy?.level).not.toHaveProperty('departsWithoutReason');
    expect(evaluate(always(), reasoned).decidedBy?.level).toMatchObject({ value: 'Level 1', reason: 'Concerns resolved' });
  });
});

describe('who decides, in the determination\'s words (decidedBy.labelFrom)', () => {
  const withWho = () => {
    const p = humanDecisionPack();
    p.scales.who = { label: 'Who decides', values: ['The team manager', 'The multi-agency panel, jointly with HCCG'] };
    p.decisions.level!.decidedBy!.labelFrom = 'whoDecides';
    // Declared after the level, and read by nothing: the proposal still names it.
    p.decisions.whoDecides = {
      label: 'Who decides the level', scale: 'who', hitPolicy: 'first',
      rules: [{ id: 'panel', when: { fact: 'concerns', operator: 'greaterThanInclusive', value: 3 }, output: 'The multi-agency panel, jointly with HCCG', source: src42 }],
      fallback: { output: 'The team manager', source: src42 },
    };
    return p;
  };
  const src42 = { doc: 'strategy', section: '4.2' };

  it('names who decides as the decision it names says, first letter as it reads after "to be decided by"', () => {
    const p = withWho();
    expect(validatePack(p).errors).toEqual([]);
    const c = compilePack(p);
    expect(evaluate(c, base).proposals?.[0]).toMatchObject({ decision: 'level', role: 'multi-agency-panel', roleLabel: 'the multi-agency panel, jointly with HCCG' });
    expect(evaluate(c, { ...base, facts: { concerns: 1, score: 75 } }).proposals?.[0]?.roleLabel).toBe('the team manager');
  });

  it('refuses a labelFrom that names an unknown decision, or the decision itself', () => {
    const p = withWho();
    p.decisions.level!.decidedBy!.labelFrom = 'whoDecidez';
    expect(validatePack(p).errors).toEqual([expect.objectContaining({ pointer: '/decisions/level/decidedBy/labelFrom', code: 'decided-by', message: 'Unknown decision "whoDecidez": decision "level" reads who decides from it.' })]);
    p.decisions.level!.decidedBy!.labelFrom = 'level';
    expect(validatePack(p).errors).toEqual([expect.objectContaining({ pointer: '/decisions/level/decidedBy/labelFrom', code: 'decided-by' })]);
  });
});

describe('a person\'s decision the rules give no value for', () => {
  it('proposes nothing and leaves the headline not pending when the value is one the pack declares leaves nothing to decide', () => {
    const p = humanDecisionPack();
    p.decisions.level!.decidedBy!.nothingToDecide = ['Level 1'];
    expect(validatePack(p).errors).toEqual([]);
    const d = evaluate(compilePack(p), { ...base, facts: { concerns: 1, score: 75 } });
    expect(d.decisions.level).toBe('Level 1');
    expect(d.proposals).toBeUndefined();
    expect(d.headline).toEqual({ decision: 'response', value: 'Routine monitoring', scale: 'response' });
    p.decisions.level!.decidedBy!.nothingToDecide = ['Level 0'];
    expect(validatePack(p).errors).toEqual([expect.objectContaining({ pointer: '/decisions/level/decidedBy/nothingToDecide/0', code: 'decided-by' })]);
    p.decisions.level!.decidedBy!.nothingToDecide = ['Level 1'];
    // A rule that applies still makes the proposal.
    expect(evaluate(compilePack(p), base).proposals?.map((x) => x.proposed)).toEqual(['Level 2']);
  });
});

describe('an officer override (override)', () => {
  it('replaces the computed value with the reason required, and is recorded as an override', () => {
    const d = evaluate(pack, { ...base, decisions: { rating: { value: 'Requires improvement', by: 'officer@example.org', at: '2027-01-04', reason: 'Medication errors seen on the visit' } } });
    expect(d.decisions.rating).toBe('Requires improvement');
    expect(d.decidedBy?.rating).toEqual({ value: 'Requires improvement', by: 'officer@example.org', at: '2027-01-04', reason: 'Medication errors seen on the visit', computed: 'Good', kind: 'override' });
    // The override is not a pending decision: the headline rests only on the proposed level.
    expect(d.proposals?.map((p) => p.decision)).toEqual(['level']);
  });

  it('needs a second person for a move of more than one step', () => {
    const two = { value: 'Poor', by: 'officer@example.org', at: '2027-01-04', reason: 'Safeguarding failures' };
    expect(problems({ ...base, decisions: { rating: two } })).toEqual([{ pointer: '/decisions/rating/secondBy', fact: 'rating', message: expect.stringContaining('more than 1 step') }]);
    expect(evaluate(pack, { ...base, decisions: { rating: { ...two, secondBy: 'manager@example.org' } } }).decidedBy?.rating).toMatchObject({ value: 'Poor', secondBy: 'manager@example.org' });
  });
});

describe('an override recorded earlier without a reason, determined again under a version that requires one', () => {
  // Recorded under a version with `override.reasonRequired: false`; the fixture's version (the default) requires the reason.
  const unexplained = { ...base, decisions: { rating: { value: 'Requires improvement', by: 'officer@example.org', at: '2027-01-04' } } };

  it('is refused when recorded now, at /decisions/rating/reason', () => {
    expect(problems(unexplained)).toEqual([{ pointer: '/decisions/rating/reason', fact: 'rating', message: 'An override of "rating" must give its reason.' }]);
    expect(() => evaluate(pack, unexplained, { recordedEarlier: ['level'] })).toThrow(AssessmentError);
  });

  it('stands when recorded earlier, and asks the officer for the reason, citing the override\'s section', () => {
    const d = evaluate(pack, unexplained, { recordedEarlier: ['rating'] });
    expect(d.decisions.rating).toBe('Requires improvement');
    expect(d.decidedBy?.rating).toEqual({ value: 'Requires improvement', by: 'officer@example.org', at: '2027-01-04', computed: 'Good', kind: 'override', departsWithoutReason: true, roleLabel: 'the officer', source: 'strategy s5.1' });
  });

  it('is not marked where the version needs no reason, or the override gave one', () => {
    const p = humanDecisionPack();
    p.decisions.rating!.override!.reasonRequired = false;
    expect(evaluate(compilePack(p), unexplained, { recordedEarlier: ['rating'] }).decidedBy?.rating).not.toHaveProperty('departsWithoutReason');
    const reasoned = { ...base, decisions: { rating: { ...unexplained.decisions.rating, reason: 'Medication errors seen on the visit' } } };
    expect(evaluate(pack, reasoned, { recordedEarlier: ['rating'] }).decidedBy?.rating).not.toHaveProperty('departsWithoutReason');
  });
});

/** The fixture with a floor on the rating override: below what `ratingFloor` gives, a second person decides. */
function floorPack(floor: unknown = { fact: 'ratingFloor' }) {
  const p = humanDecisionPack();
  p.decisions.ratingFloor = {
    label: 'Lowest rating without a second person', scale: 'rating', hitPolicy: 'first',
    rules: [{ id: 'many-concerns', when: { fact: 'concerns', operator: 'greaterThanInclusive', value: 3 }, output: 'Requires improvement', source: src51 }],
    fallback: { output: 'Poor', source: src51 },
  };
  p.decisions.rating!.override = { secondPersonWhenMovedMoreThan: 2, secondPersonWhenBelow: floor as never, source: src51 };
  return p;
}
const src51 = { doc: 'strategy', section: '5.1' };

describe('an override below a floor (override.secondPersonWhenBelow)', () => {
  const floored = compilePack(floorPack());
  const one = (value: string) => ({ value, by: 'officer@example.org', at: '2027-01-04', reason: 'Seen on the visit' });
  const refused = (a: unknown): { pointer: string; message: string }[] => {
    try { evaluate(floored, a); } catch (e) { if (e instanceof AssessmentError) return e.errors; throw e; }
    return [];
  };

  it('needs a second person for an override below the floor, even a move of one step, and names the floor in words', () => {
    // 4 concerns: the floor is "Requires improvement"; the score 55 gives "Requires improvement"; "Poor" is one step below it.
    const a = { date: '2027-01-04', facts: { concerns: 4, score: 55 }, decisions: { rating: one('Poor') } };
    expect(refused(a)).toEqual([{ pointer: '/decisions/rating/secondBy', fact: 'rating', message: 'The override puts "rating" at "Poor", below "Requires improvement", the lowest value without a second person: a second person must confirm it (secondBy).' }]);
    const d = evaluate(floored, { ...a, decisions: { rating: { ...one('Poor'), secondBy: 'manager@example.org' } } }, { explain: true });
    expect(d.decidedBy?.rating).toMatchObject({ value: 'Poor', computed: 'Requires improvement', secondBy: 'manager@example.org' });
    expect(explainDetermination(floored.pack, d).find((t) => t.rule === 'override')?.because).toContain('confirmed by manager@example.org');
  });

  it('takes an override at or above the floor without a second person', () => {
    const d = evaluate(floored, { date: '2027-01-04', facts: { concerns: 4, score: 75 }, decisions: { rating: one('Requires improvement') } });
    expect(d.decisions.rating).toBe('Requires improvement');
    expect(d.decidedBy?.rating?.secondBy).toBeUndefined();
  });

  it('reads the floor from the assessment: with few concerns "Poor" is at the floor and needs no second person', () => {
    const d = evaluate(floored, { date: '2027-01-04', facts: { concerns: 1, score: 55 }, decisions: { rating: one('Poor') } });
    expect(d.decisions.rating).toBe('Poor');
  });

  it('keeps the move limit beside the floor', () => {
    // 0 concerns: floor "Poor"; score 95 "Outstanding" -> "Poor" is three steps, more than 2.
    expect(refused({ date: '2027-01-04', facts: { concerns: 0, score: 95 }, decisions: { rating: one('Poor') } })[0]!.message).toContain('more than 2 steps');
  });

  it('takes a literal floor on the scale, and refuses one off the scale or an unknown fact with pointers', () => {
    const literal = compilePack(floorPack('Good'));
    expect(() => evaluate(literal, { date: '2027-01-04', facts: { concerns: 0, score: 75 }, decisions: { rating: one('Requires improvement') } })).toThrow(AssessmentError);
    const errors = (f: unknown) => validatePack(floorPack(f)).errors.map((e) => [e.pointer, e.message]);
    expect(errors('Fair')).toEqual([['/decisions/rating/override/secondPersonWhenBelow', expect.stringContaining('"Fair" is not on the scale "rating"')]]);
    expect(errors({ fact: 'ratingFlor' }).map(([p]) => p)).toEqual(['/decisions/rating/override/secondPersonWhenBelow/fact']);
  });

  it('refuses a floor that reads the decision it limits (a cycle)', () => {
    expect(validatePack(floorPack({ fact: 'rating' })).errors.map((e) => e.code)).toContain('cycle');
  });
});

describe('the values a person may record (decidedBy.values)', () => {
  it('refuses recording a value the pack keeps from people, naming the values they may record', () => {
    const p = humanDecisionPack();
    p.decisions.level!.decidedBy!.values = ['Level 1', 'Level 2'];
    const c = compilePack(p);
    let errs: { pointer: string; message: string }[] = [];
    try { evaluate(c, { ...base, decisions: { level: { value: 'Level 3', by: 'Panel chair', at: '2027-01-11' } } }); } catch (e) { if (e instanceof AssessmentError) errs = e.errors; else throw e; }
    expect(errs).toEqual([{ pointer: '/decisions/level/value', fact: 'level', message: '"Level 3" is not a value a person records for "level": record one of "Level 1", "Level 2".' }]);
    expect(evaluate(c, { ...base, decisions: { level: { value: 'Level 1', by: 'Panel chair', at: '2027-01-11' } } }).decisions.level).toBe('Level 1');
  });

  it('refuses declaring a recordable value that is not on the scale', () => {
    const p = humanDecisionPack();
    p.decisions.level!.decidedBy!.values = ['Level 1', 'Level 9'];
    expect(validatePack(p).errors.map((e) => e.pointer)).toEqual(['/decisions/level/decidedBy/values/1']);
  });
});

describe('recorded decisions are checked before anything is evaluated', () => {
  it('refuses each problem with its pointer: unknown decision, value off the scale, missing who/when, missing override reason', () => {
    expect(problems({ ...base, decisions: {
      levle: { value: 'Level 1', by: 'x', at: '2027-01-04' },
      response: { value: 'Routine monitoring', by: 'x', at: '2027-01-04', reason: 'r' },
      level: { value: 'Level 4', at: '04/01/2027' },
      rating: { value: 'Good', by: 'x', at: '2027-01-04', extra: 1 },
    } }).map((p) => p.pointer)).toEqual([
      '/decisions/levle', '/decisions/response', '/decisions/level/value', '/decisions/level/by', '/decisions/level/at',
      '/decisions/rating/extra', '/decisions/rating/reason',
    ]);
    expect(problems({ ...base, decisions: { level: { value: 'Level 4', by: 'x', at: '2027-01-04' } } })[0]!.message).toBe('Must be one of "Level 1", "Level 2", "Level 3" (scale "level").');
    expect(problems({ ...base, decisions: [] })[0]!.pointer).toBe('/decisions');
  });
});

describe('declaring human decisions in a pack', () => {
  it('refuses decidedBy with override, on a collect decision, and a due time of two units', () => {
    const p = humanDecisionPack();
    p.decisions.level!.override = {};
    p.decisions.level!.decidedBy!.within = { workingDays: 10, days: 3 };
    p.decisions.response!.hitPolicy = 'collect';
    p.decisions.response!.override = {};
    const errors = validatePack(p).errors.filter((e) => e.code === 'decided-by' || e.pointer.includes('within'));
    expect(errors.map((e) => e.pointer).sort()).toEqual(['/decisions/level/decidedBy/within', '/decisions/level/override', '/decisions/response/override']);
  });

  it('lets a case record a person\'s decision in its input, only for a decision a person takes or an officer may override', () => {
    const p = humanDecisionPack();
    const decided = { value: 'Level 1', by: 'Panel chair', at: '2027-01-11' };
    p.cases = [
      { id: 'recorded', note: 'The panel decided Level 1', input: { ...base, decisions: { level: decided } }, want: { decisions: { level: 'Level 1' }, noProposals: ['level'], pending: false } },
      { id: 'not-a-person', note: 'The response is computed, not decided', input: { ...base, decisions: { response: decided } }, want: { pending: false } },
    ];
    expect(validatePack(p).errors.map((e) => [e.pointer, e.message])).toEqual([
      ['/cases/1/input/decisions/response', 'Case "not-a-person" records a decision for "response", which is not a decision a person takes or an officer may override.'],
    ]);
    p.cases.pop();
    expect(runCases(compilePack(p)).results.map((r) => r.failures)).toEqual([[]]);
  });

  it('is analysed with the decision read over its whole scale, so a recorded value leaves no false gap', () => {
    const report = analyse(pack);
    const response = report.decisions.find((d) => d.decision === 'response')!;
    expect(response.exhaustive).toBe(true);
    expect(response.findings.filter((f) => f.kind === 'gap')).toEqual([]);
  });

  it('reports the gap a downstream decision has while a decision declared undecided is awaited', () => {
    const p = humanDecisionPack('undecided');
    delete p.decisions.response!.fallback;
    const response = analyse(compilePack(p)).decisions.find((d) => d.decision === 'response')!;
    expect(response.findings.filter((f) => f.kind === 'gap').length).toBeGreaterThan(0);
    // With the fallback back, the undecided level is handled.
    const handled = analyse(compilePack(humanDecisionPack('undecided'))).decisions.find((d) => d.decision === 'response')!;
    expect(handled.findings.filter((f) => f.kind === 'gap')).toEqual([]);
  });
});

describe('packs without human decisions', () => {
  it('refuse recorded decisions, naming the decision', () => {
    const p = humanDecisionPack();
    delete p.decisions.level!.decidedBy;
    delete p.decisions.rating!.override;
    const plain = compilePack(p);
    const d = evaluate(plain, base);
    expect('proposals' in d || 'decidedBy' in d || 'pending' in d.headline).toBe(false);
    expect(() => evaluate(plain, { ...base, decisions: { level: { value: 'Level 1', by: 'x', at: '2027-01-04' } } })).toThrow(/not one a person takes/);
  });
});

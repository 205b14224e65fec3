import { explainDetermination } from '../explain/explain-determination.js';
import { describe, expect, it } from 'vitest';
import { examplePack, judgementsFor } from '../fixtures/example-pack.js';
import { compilePack } from '../compile/compile-pack.js';
import { AssessmentError, EvaluationError } from '../errors.js';
import type { Pack } from '../types.js';
import { evaluate } from './evaluate.js';

const pack = examplePack();
const compiled = compilePack(pack);
const assess = (overrides: Record<string, string> = {}, facts: Record<string, unknown> = { statementLate: false }, fill = 'Fully met') =>
  ({ date: '2025-03-01', judgements: judgementsFor(pack, fill, overrides), facts });

describe('evaluate', () => {
  it('returns the determination contract: pack hash, headline, decisions, actions, schedule, scores', () => {
    const d = evaluate(compiled, assess({ 'safety-01': 'Partly met', 'staffing-01': 'Partly met' }));
    expect(d.pack).toEqual({ id: 'example', version: '1.0.0', hash: compiled.hash });
    expect(d.pack.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(d.asOf).toBe('2025-03-01');
    // Two domains Bronze (a mandatory criterion only Partly met), three Silver -> Bronze overall.
    expect(d.decisions['domainBand.safety']).toBe('Bronze');
    expect(d.decisions['domainBand.staffing']).toBe('Bronze');
    expect(d.decisions['domainBand.involvement']).toBe('Silver');
    expect(d.headline).toEqual({ decision: 'overallRating', value: 'Bronze', scale: 'band' });
    expect(d.actions).toEqual([{ id: 'improvement-plan', label: 'Submit an improvement plan', owner: 'provider', due: '2025-03-08', source: 'guide s4' }]);
    expect(d.schedule).toEqual([{ id: 'annual-visit', activity: 'quality-visit', label: 'Annual quality visit', everyMonths: 12, nextDue: '2026-03-01', source: 'guide s5' }]);
    expect(d.scores).toEqual({ qualityScore: 25 });
    expect(d.trace).toBeUndefined();
  });

  it('gives Gold a two-yearly visit and no improvement action', () => {
    const d = evaluate(compiled, { date: '2025-03-01', judgements: judgementsFor(pack, 'Fully met', Object.fromEntries(pack.framework!.domains.flatMap((dm) => dm.standards.flatMap((s) => s.criteria)).filter((c) => c.flags?.includes('advanced')).map((c) => [c.id, 'Exceptional']))), facts: { statementLate: false } });
    expect(d.headline.value).toBe('Gold');
    expect(d.actions).toEqual([]);
    expect(d.schedule.map((s) => [s.id, s.nextDue])).toEqual([['biennial-visit', '2027-03-01']]);
  });

  it('is deterministic: the same assessment gives byte-identical determinations', () => {
    const a = assess({ 'involvement-03': 'Not met' });
    expect(JSON.stringify(evaluate(compiled, a, { explain: true }))).toBe(JSON.stringify(evaluate(compilePack(structuredClone(pack)), structuredClone(a), { explain: true })));
  });

  it('refuses an assessment missing a required fact, naming the fact, and evaluates nothing', () => {
    const err = (() => { try { evaluate(compiled, assess({}, {})); } catch (e) { return e; } })() as AssessmentError;
    expect(err).toBeInstanceOf(AssessmentError);
    expect(err.errors).toContainEqual(expect.objectContaining({ fact: 'statementLate', pointer: '/facts/statementLate' }));
  });

  it('refuses values off a fact\'s scale, unknown criteria, judgements a criterion cannot take, and bad dates — all at once', () => {
    const a = assess({ 'involvement-01': 'Exceptional' }, { statementLate: false, regulatorRating: 'Excellent' });
    (a.judgements as Record<string, string>)['nope-1'] = 'Fully met';
    (a as { date: string }).date = '2025-02-30';
    const err = (() => { try { evaluate(compiled, a); } catch (e) { return e; } })() as AssessmentError;
    const facts = err.errors.map((e) => e.fact).sort();
    expect(facts).toEqual(['date', 'involvement-01', 'nope-1', 'regulatorRating']);
    expect(err.message).toMatch(/regulatorRating/);
    expect(err.errors.find((e) => e.fact === 'involvement-01')!.message).toBe('Must be one of "Not met", "Partly met", "Fully met".');
  });

  it("reads judgements given in any order alike (the pack's order is only read faster), naming problems in the assessment's order", () => {
    const a = assess({ 'safety-01': 'Partly met', 'involvement-03': 'Not met' });
    const entries = Object.entries(a.judgements);
    const reversed = { ...a, judgements: Object.fromEntries([...entries].reverse()) };
    const oneMoved = { ...a, judgements: Object.fromEntries([entries[5]!, ...entries.slice(0, 5), ...entries.slice(6)]) };
    const someLeftOut = { ...a, judgements: Object.fromEntries(entries.filter((_, i) => i % 3 !== 1)) };
    const want = JSON.stringify(evaluate(compiled, a, { explain: true }));
    expect(JSON.stringify(evaluate(compiled, reversed, { explain: true }))).toBe(want);
    expect(JSON.stringify(evaluate(compiled, oneMoved, { explain: true }))).toBe(want);
    const problems = (judgements: Record<string, unknown>): string[] => {
      try { evaluate(compiled, { ...a, judgements }); } catch (e) { return (e as AssessmentError).errors.map((x) => x.pointer); }
      return [];
    };
    // The pack requires every criterion judged: those left out are named in the pack's order, whatever the assessment's.
    const leftOut = entries.filter((_, i) => i % 3 === 1).map(([id]) => `/judgements/${id}`);
    expect(problems(someLeftOut.judgements)).toEqual(leftOut);
    expect(problems(Object.fromEntries(Object.entries(someLeftOut.judgements).reverse()))).toEqual(leftOut);
    expect(problems({ ...a.judgements, 'involvement-01': 'Exceptional', 'nope-1': 'Fully met' })).toEqual(['/judgements/involvement-01', '/judgements/nope-1']);
    expect(problems({ 'nope-1': 'Fully met', ...reversed.judgements, 'involvement-01': 'Exceptional' })).toEqual(['/judgements/nope-1', '/judgements/involvement-01']);
  });

  it('says a judgement or a fact of the wrong type is so: what was given and what is taken, naming the criterion or fact', () => {
    const a = assess({}, { statementLate: 'no' });
    (a.judgements as Record<string, unknown>)['involvement-01'] = 4;
    const err = (() => { try { evaluate(compiled, a); } catch (e) { return e; } })() as AssessmentError;
    const title = compiled.index.criteria.find((c) => c.criterion.id === 'involvement-01')!.criterion.title;
    expect(err.errors).toContainEqual({
      pointer: '/judgements/involvement-01', fact: 'involvement-01',
      message: `The number 4, but criterion "involvement-01" (${title}) takes text values: one of "Not met", "Partly met", "Fully met".`,
    });
    expect(err.errors).toContainEqual({ pointer: '/facts/statementLate', fact: 'statementLate', message: 'The text "no", but fact "statementLate" takes true or false.' });
  });

  it('refuses a missing judgement when the framework requires every criterion judged', () => {
    const a = assess();
    delete (a.judgements as Record<string, string>)['management-17'];
    expect(() => evaluate(compiled, a)).toThrow(/Criterion "management-17" has no judgement/);
  });

  it('lists the interpretations it relied on', () => {
    // 1 Gold-less domain mix the overall table does not cover: 3 Silver, 1 Bronze, 1 Inadequate.
    const a = assess({ 'safety-01': 'Partly met', 'staffing-01': 'Not met' });
    const d = evaluate(compiled, a);
    expect(d.decisions.visitBand).toBe('Bronze');
    expect(d.interpretations.map((i) => i.id)).toEqual(['uncovered-combination']);
    expect(evaluate(compiled, assess()).interpretations).toEqual([]);
  });

  it('explains, for each higher band that did not fire, which condition failed and by how much', () => {
    const d = evaluate(compiled, assess({ 'safety-01': 'Partly met' }), { explain: true });
    const safety = explainDetermination(pack, d).filter((t) => t.decision === 'domainBand.safety');
    expect(safety.map((t) => [t.rule, t.fired])).toEqual([['gold', false], ['silver', false], ['bronze', true]]);
    expect(safety[1]!.because).toEqual(['needs exactly 5 mandatory criteria in Safety judged at least Fully met; 4 were']);
    expect(safety[2]!.because[0]).toMatch(/^exactly 5 mandatory criteria in Safety judged at least Partly met: yes, 5$/);
  });

  it('takes the most recent dated source, ignoring sources dated after asOf', () => {
    const p: Pack = structuredClone(pack);
    p.decisions.overallRating!.rules![1]!.output = { mostRecent: [
      { value: { map: 'regulatorToBand', of: { fact: 'regulatorRating' } }, date: { fact: 'regulatorRatingDate' } },
      { value: { fact: 'visitBand' }, date: '2024-01-01' },
    ] };
    const c = compilePack(p);
    const facts = { statementLate: false, regulatorRating: 'Outstanding', regulatorRatingDate: '2024-06-01' };
    expect(evaluate(c, assess({}, facts)).headline.value).toBe('Gold');
    expect(evaluate(c, assess({}, facts), { asOf: '2024-03-01' }).headline.value).toBe('Silver');
    expect(evaluate(c, assess({}, { ...facts, regulatorRatingDate: '2023-06-01' })).headline.value).toBe('Silver');
  });

  it('fails with an error naming the decision when no rule matches and there is no fallback', () => {
    const p: Pack = structuredClone(pack);
    delete p.decisions.qualityScore!.fallback;
    const c = compilePack(p);
    expect(() => evaluate(c, assess({}, { statementLate: true }))).toThrow(EvaluationError);
    expect(() => evaluate(c, assess({}, { statementLate: true }))).toThrow(/qualityScore: no rule matched/);
  });

  it('fails when two rules match under the unique hit policy, naming both', () => {
    const p: Pack = structuredClone(pack);
    p.decisions.qualityScore!.hitPolicy = 'unique';
    p.decisions.qualityScore!.rules!.push({ id: 'any-silver', output: 51, source: { doc: 'guide', section: '6' }, when: { fact: 'overallRating', operator: 'atLeast', value: 'Silver' } });
    const c = compilePack(p);
    expect(() => evaluate(c, assess())).toThrow(/rules "silver", "any-silver" all match/);
  });

  it('applies max, min and collect hit policies by scale order', () => {
    const p: Pack = structuredClone(pack);
    const rules = [
      { id: 'a', output: 'Bronze', source: { doc: 'guide', section: '3' }, when: { all: [] } },
      { id: 'b', output: 'Gold', source: { doc: 'guide', section: '3' }, when: { all: [] } },
      { id: 'c', output: 'Silver', source: { doc: 'guide', section: '3' }, when: { not: { all: [] } } },
    ];
    p.decisions.probe = { label: 'Probe', scale: 'band', hitPolicy: 'max', rules };
    p.decisions.probeMin = { label: 'Probe min', scale: 'band', hitPolicy: 'min', rules };
    p.decisions.probeAll = { label: 'Probe all', scale: 'band', hitPolicy: 'collect', rules };
    const d = evaluate(compilePack(p), assess());
    expect([d.decisions.probe, d.decisions.probeMin, d.decisions.probeAll]).toEqual(['Gold', 'Bronze', ['Bronze', 'Gold']]);
  });

  it('computes due dates in working days and from a given date fact', () => {
    const p: Pack = structuredClone(pack);
    p.outcomes.actions!.push({ id: 'report', label: 'Send the report', owner: 'council', due: { workingDays: 10 }, source: { doc: 'guide', section: '4' }, when: { all: [] } });
    p.outcomes.actions!.push({ id: 'follow-up', label: 'Follow up', owner: 'council', due: { months: 3, from: { fact: 'regulatorRatingDate' } }, source: { doc: 'guide', section: '4' }, when: { fact: 'regulatorRatingDate', operator: 'present', value: true } });
    const d = evaluate(compilePack(p), { ...assess({}, { statementLate: false, regulatorRatingDate: '2024-11-30' }), date: '2025-03-07' });
    expect(d.actions.find((a) => a.id === 'report')?.due).toBe('2025-03-21');
    expect(d.actions.find((a) => a.id === 'follow-up')?.due).toBe('2025-02-28');
  });

  it('turns visits per year into an interval: 12/n months when whole, else days', () => {
    const p: Pack = structuredClone(pack);
    p.cases = [];
    p.outcomes.schedule = [
      { id: 'quarterly', activity: 'visit', label: 'Quarterly', perYear: 4, source: { doc: 'guide', section: '5' }, when: { all: [] } },
      { id: 'five', activity: 'visit', label: 'Five a year', perYear: 5, source: { doc: 'guide', section: '5' }, when: { all: [] } },
      { id: 'none', activity: 'visit', label: 'None', perYear: 0, source: { doc: 'guide', section: '5' }, when: { all: [] } },
    ];
    const d = evaluate(compilePack(p), assess());
    expect(d.schedule.map((s) => [s.id, s.everyMonths ?? `${s.everyDays}d`, s.nextDue])).toEqual([['quarterly', 3, '2025-06-01'], ['five', '73d', '2025-05-13']]);
  });

  it('schedules returns due on a day of each month, and on published dates', () => {
    const p: Pack = structuredClone(pack);
    p.cases = [];
    p.outcomes.schedule = [
      { id: 'monthly-return', activity: 'return', label: 'Monthly data return', monthlyOnDay: 8, source: { doc: 'guide', section: '5' }, when: { all: [] } },
      { id: 'grant-return', activity: 'return', label: 'Grant return', onDates: ['2025-01-31', '2025-04-30', '2025-07-31'], source: { doc: 'guide', section: '5' }, when: { all: [] } },
      { id: 'old-return', activity: 'return', label: 'Past return', onDates: ['2024-01-31'], source: { doc: 'guide', section: '5' }, when: { all: [] } },
    ];
    const d = evaluate(compilePack(p), assess());
    expect(d.schedule).toEqual([
      { id: 'monthly-return', activity: 'return', label: 'Monthly data return', everyMonths: 1, dayOfMonth: 8, nextDue: '2025-03-08', source: 'guide s5' },
      { id: 'grant-return', activity: 'return', label: 'Grant return', nextDue: '2025-04-30', source: 'guide s5' },
    ]);
  });

  it('accepts a pack object directly and compiles it once', () => {
    const d = evaluate(pack, assess());
    expect(d.headline.value).toBe('Silver');
  });
});

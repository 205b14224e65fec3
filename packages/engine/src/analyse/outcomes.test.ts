import { describe, expect, it } from 'vitest';
import { examplePack } from '../fixtures/example-pack.js';
import { compilePack } from '../compile/compile-pack.js';
import type { Pack } from '../types.js';
import { analyseOutcomes } from './outcomes.js';
import { analyse } from './analyse.js';
import { yesNoInputsPack } from '../fixtures/yes-no-inputs-pack.js';

const src = { doc: 'guide', section: '5' };

/**
 * The example pack's outcomes, read by hand: an improvement plan at Bronze or below, placements
 * suspended at Inadequate, an annual visit below Gold and a visit every two years at Gold.
 */
describe('analyseOutcomes', () => {
  it('gives the overall ratings under which each action and schedule entry fires, and finds nothing wrong', () => {
    const r = analyseOutcomes(compilePack(examplePack()));
    expect(r.exhaustive).toBe(true);
    expect(r.findings).toEqual([]);
    expect(r.outcomes.map((o) => [o.of, o.outcome, o.fires, o.combinations, o.firesWhen.map((w) => `${w.decision}: ${w.values.join(', ')}${w.any ? ' (any)' : ''}`)])).toEqual([
      ['action', 'improvement-plan', 2, 4, ['Overall rating: Inadequate, Bronze']],
      ['action', 'suspend-placements', 1, 4, ['Overall rating: Inadequate']],
      ['schedule', 'annual-visit', 3, 4, ['Overall rating: Inadequate, Bronze, Silver']],
      ['schedule', 'biennial-visit', 1, 4, ['Overall rating: Gold']],
    ]);
  });

  it('finds an action that can never fire, and one that fires whatever the inputs (a note)', () => {
    const p: Pack = structuredClone(examplePack());
    p.outcomes.actions!.push(
      { id: 'gold-and-inadequate', label: 'Celebrate', owner: 'Council', source: src, when: { all: [{ fact: 'overallRating', operator: 'equal', value: 'Gold' }, { fact: 'overallRating', operator: 'atMost', value: 'Bronze' }] } },
      { id: 'every-rating', label: 'Write to the provider', owner: 'Council', source: src, when: { fact: 'overallRating', operator: 'atLeast', value: 'Inadequate' } },
    );
    const r = analyseOutcomes(compilePack(p));
    expect(r.findings.map((f) => [f.kind, f.outcome, f.count, f.note ?? false])).toEqual([
      ['never-fires', 'gold-and-inadequate', 0, false],
      ['always-fires', 'every-rating', 4, true],
    ]);
    expect(r.findings[0]!.message).toBe('action "gold-and-inadequate" never fires: no inputs meet its condition');
    expect(r.outcomes.find((o) => o.outcome === 'gold-and-inadequate')!.firesWhen).toEqual([{ decision: 'Overall rating', values: [], any: false }]);
  });

  it('finds two schedule entries for one activity that can both fire, with the inputs where they do', () => {
    const p: Pack = structuredClone(examplePack());
    // Silver is now in both visit cycles: an annual visit and one every two years.
    p.outcomes.schedule!.find((s) => s.id === 'biennial-visit')!.when = { fact: 'overallRating', operator: 'atLeast', value: 'Silver' };
    const r = analyseOutcomes(compilePack(p));
    expect(r.findings).toEqual([{
      kind: 'conflicting-schedule', of: 'schedule', outcome: 'annual-visit + biennial-visit',
      message: 'schedule entries "annual-visit" and "biennial-visit" both schedule "quality-visit" for the same inputs: two cycles of one activity',
      count: 1, examples: [{ inputs: 'Overall rating Silver', count: 1 }], more: 0,
    }]);
  });

  it('says what varies where two entries fire together for every value of an input, given another', () => {
    const p: Pack = structuredClone(examplePack());
    p.inputs.properties.newProvider = { type: 'boolean', title: 'New provider' };
    p.outcomes.schedule!.push(
      { id: 'induction-visit', activity: 'induction', label: 'Induction visit', source: src, every: { months: 1 }, when: { fact: 'newProvider', operator: 'equal', value: true } },
      { id: 'first-month-visit', activity: 'induction', label: 'First month visit', source: src, every: { days: 14 }, when: { any: [{ fact: 'newProvider', operator: 'equal', value: true }, { fact: 'overallRating', operator: 'equal', value: 'Inadequate' }] } },
    );
    const f = analyseOutcomes(compilePack(p)).findings.find((x) => x.kind === 'conflicting-schedule')!;
    expect(f.outcome).toBe('induction-visit + first-month-visit');
    // Both fire exactly where the provider is new: at each of the four ratings.
    expect(f.count).toBe(4);
    expect(f.varies).toBe('with any Overall rating, given New provider true');
  });

  it('says so when an outcome\'s inputs are sampled, and claims no more than it checked', () => {
    const p: Pack = structuredClone(examplePack());
    p.inputs.properties.note = { type: 'string', title: 'Note' };
    p.outcomes.actions!.push({ id: 'noted', label: 'Read the note', owner: 'Council', source: src, when: { fact: 'note', operator: 'contains', value: 'urgent' } });
    const r = analyseOutcomes(compilePack(p));
    const noted = r.outcomes.find((o) => o.outcome === 'noted')!;
    expect(noted.exhaustive).toBe(false);
    expect(r.exhaustive).toBe(false);
    expect(noted.notes.join(' ')).toMatch(/sampled/);
  });

  it('is part of the pack\'s analysis, counted in its summary', () => {
    const p: Pack = structuredClone(examplePack());
    p.outcomes.schedule!.find((s) => s.id === 'biennial-visit')!.when = { fact: 'overallRating', operator: 'atLeast', value: 'Silver' };
    const r = analyse(compilePack(p));
    expect(r.outcomes.findings.map((f) => f.kind)).toEqual(['conflicting-schedule']);
    expect([r.summary['conflicting-schedule'], r.summary['never-fires'], r.summary['always-fires']]).toEqual([1, 0, 0]);
  });

  it('computes a decision worked out from the other inputs an outcome reads, never varying it on its own', () => {
    // Tier is Gold exactly when `a` holds (guide 3): no assessment has a Gold tier without `a`.
    const p = yesNoInputsPack('a', 'b');
    p.decisions.tier = {
      label: 'Tier', scale: 'band', hitPolicy: 'first', source: src,
      rules: [
        { id: 'a-gold', output: 'Gold', source: src, when: { fact: 'a', operator: 'equal', value: true } },
        { id: 'otherwise', output: 'Bronze', source: src, when: { fact: 'a', operator: 'present', value: true } },
      ],
    };
    p.outcomes.actions!.push({ id: 'gold-tier-without-a', label: 'Ask why', owner: 'Council', source: src, when: { all: [{ fact: 'tier', operator: 'equal', value: 'Gold' }, { fact: 'a', operator: 'equal', value: false }] } });
    p.outcomes.schedule!.push(
      { id: 'gold-review', activity: 'tier-review', label: 'Review of a Gold tier', every: { months: 24 }, source: src, when: { fact: 'tier', operator: 'equal', value: 'Gold' } },
      { id: 'no-a-review', activity: 'tier-review', label: 'Review without a', every: { months: 12 }, source: src, when: { fact: 'a', operator: 'equal', value: false } },
    );
    const r = analyseOutcomes(compilePack(p));
    const mine = r.findings.filter((f) => f.outcome.includes('gold') || f.outcome.includes('no-a'));
    // Varying the tier on its own, the two reviews both fired at "Tier Gold; a false" (two cycles of one activity)
    // and the action fired there too; computed from `a`, the tier is never Gold without it.
    expect(mine.map((f) => [f.kind, f.outcome])).toEqual([['never-fires', 'gold-tier-without-a']]);
    const action = r.outcomes.find((o) => o.outcome === 'gold-tier-without-a')!;
    expect([action.dimensions, action.combinations, action.fires]).toEqual([['a (2)'], 2, 0]);
    expect(action.firesWhen).toEqual([{ decision: 'Tier', values: [], any: false }]);
    // Read with its input, the tier, computed, still says under which of its values an outcome fires.
    p.outcomes.actions!.push({ id: 'gold-with-a', label: 'Congratulate', owner: 'Council', source: src, when: { all: [{ fact: 'tier', operator: 'atLeast', value: 'Silver' }, { fact: 'a', operator: 'present', value: true }] } });
    const withA = analyseOutcomes(compilePack(p)).outcomes.find((o) => o.outcome === 'gold-with-a')!;
    expect([withA.fires, withA.firesWhen]).toEqual([1, [{ decision: 'Tier', values: ['Gold'], any: false }]]);
    // Read alone, the tier is an input of its own, varied at every value.
    expect(r.outcomes.find((o) => o.outcome === 'gold-review')!.dimensions).toEqual(['Tier (4)']);
    expect(r.notes[0]).toContain('computed from them as evaluation would');
  });
});

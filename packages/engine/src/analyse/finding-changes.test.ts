import { describe, expect, it } from 'vitest';
import { examplePack } from '../fixtures/example-pack.js';
import { compilePack } from '../compile/compile-pack.js';
import type { Pack } from '../types.js';
import { analyse } from './analyse.js';
import { findingChanges } from './finding-changes.js';

const published = analyse(compilePack(examplePack()));

describe('findingChanges', () => {
  it('lists nothing when the draft has the same findings as the published version', () => {
    expect(published.decisions.some((d) => d.findings.length > 0)).toBe(true);
    expect(findingChanges(published, analyse(compilePack(examplePack())), examplePack())).toEqual([]);
  });

  it('lists only a finding the draft introduces, naming the rule by its title and the decision by its label', () => {
    const p: Pack = structuredClone(examplePack());
    p.decisions.overallRating!.rules!.push({ id: 'r-always-gold', label: 'Always Gold', priority: 5, output: 'Gold', source: { doc: 'guide', section: '1' }, when: { all: [] } });
    const changes = findingChanges(published, analyse(compilePack(p)), p);
    expect(changes.map((c) => [c.change, c.words])).toEqual([['introduced', 'Overall rating: the rule "Always Gold" can never fire: the rules above it always decide first']]);
    expect(changes[0]!.words).not.toContain('r-always-gold');
    expect(changes[0]!.pointer).toBe(`/decisions/overallRating/rules/${p.decisions.overallRating!.rules!.length - 1}`);
  });

  it('names a masked table row as a row, points at it, and names the rows masking it in the plural', () => {
    const p: Pack = structuredClone(examplePack());
    const { rules: _rules, ...band } = p.decisions.visitBand!;
    const src = { doc: 'guide', section: '3' };
    p.decisions.visitBand = { ...band, table: {
      inputs: [{ fact: 'regulatorRating', label: 'Regulator rating' }],
      rows: [
        { id: 'good', cells: ['Good'], output: 'Silver', source: src },
        { id: 'outstanding', cells: ['Outstanding'], output: 'Gold', source: src },
        { id: 'good-or-outstanding', label: 'Good or Outstanding', cells: [['Good', 'Outstanding']], output: 'Silver', source: src },
        { id: 'rest', cells: ['any'], output: 'Bronze', source: src },
        { id: 'never', label: 'Never', cells: ['Good'], output: 'Bronze', source: src },
      ],
    } };
    const changes = findingChanges(undefined, analyse(compilePack(p)), p).filter((c) => c.kind === 'masked');
    expect(changes.map((c) => [c.pointer, c.words])).toEqual([
      ['/decisions/visitBand/table/rows/2', 'Visit band: the row "Good or Outstanding" can never fire: the rows above it always decide first'],
      ['/decisions/visitBand/table/rows/4', 'Visit band: the row "Never" can never fire: a row above it always decides first'],
    ]);
  });

  it('lists a finding whose inputs changed as changed, and every finding when nothing was published', () => {
    const p: Pack = structuredClone(examplePack());
    p.decisions.visitBand!.rules = p.decisions.visitBand!.rules!.filter((r) => r.id !== 'bronze');
    const changes = findingChanges(published, analyse(compilePack(p)), p);
    const fallback = changes.find((c) => c.kind === 'fallback-only')!;
    expect(fallback.change).toBe('changed');
    expect(fallback.words).toMatch(/^Visit band: only the fallback decides, under the interpretation "Combinations the overall table leaves out" for /);
    const all = findingChanges(undefined, published, examplePack());
    expect(all.length).toBe(published.decisions.reduce((n, d) => n + d.findings.length, 0));
    expect(all.every((c) => c.change === 'introduced')).toBe(true);
  });

  it('lists an action the draft makes unable to fire and a schedule conflict it introduces, by their labels, but not an action firing always (a note)', () => {
    const p: Pack = structuredClone(examplePack());
    p.outcomes.actions!.push(
      { id: 'never', label: 'Celebrate', owner: 'Council', source: { doc: 'guide', section: '5' }, when: { all: [{ fact: 'overallRating', operator: 'equal', value: 'Gold' }, { fact: 'overallRating', operator: 'equal', value: 'Silver' }] } },
      { id: 'always', label: 'Write to the provider', owner: 'Council', source: { doc: 'guide', section: '5' }, when: { fact: 'overallRating', operator: 'atLeast', value: 'Inadequate' } },
    );
    p.outcomes.schedule!.find((s) => s.id === 'biennial-visit')!.when = { fact: 'overallRating', operator: 'atLeast', value: 'Silver' };
    const draft = analyse(compilePack(p));
    expect(draft.outcomes.findings.map((f) => f.kind).sort()).toEqual(['always-fires', 'conflicting-schedule', 'never-fires']);
    const changes = findingChanges(published, draft, p);
    expect(changes.map((c) => [c.change, c.kind, c.pointer, c.words, c.examples])).toEqual([
      ['introduced', 'never-fires', '/outcomes/actions/2', 'Actions: the action "Celebrate" can never fire: no inputs meet its condition', []],
      ['introduced', 'conflicting-schedule', '/outcomes/schedule/0', 'Schedule: the schedule entries "Annual quality visit" and "Quality visit every two years" both schedule "quality-visit" at once for Overall rating Silver', ['Overall rating Silver']],
    ]);
    // Published with them, they are no longer new; a conflict over other inputs is changed.
    expect(findingChanges(draft, draft, p)).toEqual([]);
    const wider: Pack = structuredClone(p);
    wider.outcomes.schedule!.find((s) => s.id === 'biennial-visit')!.when = { fact: 'overallRating', operator: 'atLeast', value: 'Bronze' };
    expect(findingChanges(draft, analyse(compilePack(wider)), wider).map((c) => [c.change, c.kind, c.examples])).toEqual([
      ['changed', 'conflicting-schedule', ['Overall rating Bronze', 'Overall rating Silver']],
    ]);
  });

  it('treats a published report made before outcomes were analysed as having no outcome findings', () => {
    const p: Pack = structuredClone(examplePack());
    p.outcomes.schedule!.find((s) => s.id === 'biennial-visit')!.when = { fact: 'overallRating', operator: 'atLeast', value: 'Silver' };
    const { outcomes: _none, ...older } = analyse(compilePack(p));
    expect(findingChanges(older as typeof published, analyse(compilePack(p)), p).map((c) => [c.change, c.kind])).toEqual([['introduced', 'conflicting-schedule']]);
  });
});

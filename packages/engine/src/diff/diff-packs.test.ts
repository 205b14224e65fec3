import { describe, expect, it } from 'vitest';
import { examplePack } from '../fixtures/example-pack.js';
import type { Pack } from '../types.js';
import { diffPacks } from './diff-packs.js';

describe('diffPacks', () => {
  it('finds no change between identical packs', () => {
    expect(diffPacks(examplePack(), examplePack()).changes).toEqual([]);
  });

  it('describes a threshold change in the council\'s words', () => {
    const b: Pack = structuredClone(examplePack());
    b.metadata.version = '1.1.0';
    b.framework!.domains[2]!.parameters!.silverMinFullyMet = 13;
    const d = diffPacks(examplePack(), b);
    expect(d.changes.map((c) => c.summary)).toEqual(['pack version: 1.0.0 -> 1.1.0', 'domain "Safety" silverMinFullyMet: 12 -> 13']);
    expect(d.changes[1]).toMatchObject({ pointer: '/framework/domains/2/parameters/silverMinFullyMet', kind: 'changed', before: 12, after: 13 });
  });

  it('names a warning by its message', () => {
    const a: Pack = structuredClone(examplePack());
    a.outcomes.warnings = [{ id: 'old', message: 'The guide is past its review date', when: { all: [] }, source: { doc: 'guide', section: '1' } }];
    const b: Pack = structuredClone(a);
    b.outcomes.warnings![0]!.message = 'The guide may be out of date';
    const [change] = diffPacks(a, b).changes;
    // Named as it reads now, as actions and rules are.
    expect(change!.summary).toBe('warning "The guide may be out of date" message: The guide is past its review date -> The guide may be out of date');
  });

  it('lists rule and threshold changes before case changes, whatever the order of the pack\'s keys', () => {
    const { cases, ...rest } = structuredClone(examplePack());
    cases![0]!.want!.headline = 'Gold';
    const b = { cases, ...rest } as Pack;
    b.framework!.domains[2]!.parameters!.silverMinFullyMet = 13;
    const changes = diffPacks(examplePack(), b).changes;
    expect(changes.map((c) => c.pointer.split('/')[1])).toEqual(['framework', 'cases']);
    expect(changes[1]!.summary).toBe('case all-fully-met-silver headline: Silver -> Gold');
  });

  it('names the rule and condition whose value changed', () => {
    const b: Pack = structuredClone(examplePack());
    const leaf = (b.decisions.visitBand!.rules![0]!.when as { all: { value: number }[] }).all[0]!;
    leaf.value = 3;
    const [change] = diffPacks(examplePack(), b).changes;
    expect(change!.summary).toBe('decision "Visit band" rule "Gold" domains (domainBand) judged Gold is at least: 2 -> 3');
  });

  it('matches rules, actions and criteria by id, so a reorder is reported as an order change only', () => {
    const b: Pack = structuredClone(examplePack());
    b.outcomes.actions!.reverse();
    b.outcomes.actions!.push({ id: 'notify', label: 'Notify the regulator', owner: 'council', source: { doc: 'guide', section: '4' }, when: { all: [] } });
    const summaries = diffPacks(examplePack(), b).changes.map((c) => `${c.kind}: ${c.summary}`);
    expect(summaries).toEqual(['added: pack: added action "Notify the regulator"', 'changed: pack: order changed']);
  });
});

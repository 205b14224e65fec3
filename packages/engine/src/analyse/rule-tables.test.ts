import { describe, expect, it } from 'vitest';
import { examplePack } from '../fixtures/example-pack.js';
import { countingPack } from '../fixtures/counting-pack.js';
import { leftExpressionPack } from '../fixtures/left-expression-pack.js';
import { statementsPack } from '../fixtures/statements-pack.js';
import { compilePack } from '../compile/compile-pack.js';
import type { Pack, Rule } from '../types.js';
import { analyse, analyseInstance } from './analyse.js';
import type { Factor } from './factors.js';
import type { Dimension } from './input-space.js';
import { chooseTables, type RuleTable } from './rule-tables.js';

const src = { doc: 'guide', section: '3' };

/** Dimensions of these sizes (only their sizes are read). */
const dimsOf = (...sizes: number[]): Dimension[] => sizes.map((size, i) => ({ name: `d${i}`, size, exhaustive: true, option: () => ({ apply: () => {}, words: '', weight: 1 }) }));

/** Which rules (by place in the factor) `chooseTables` builds a table for. */
function tabled(factor: Factor, fd: Dimension[]): number[] {
  const points = fd.reduce((n, d) => n * d.size, 1);
  const built: number[] = [];
  chooseTables(factor, fd, points, (q, reads) => { built.push(q); return { dims: reads, strides: [], verdict: new Uint8Array(0), outputs: [] } as RuleTable; });
  return built;
}

describe('rule tables', () => {
  it('tables every rule when together they hold at most half the points, none reading the whole factor', () => {
    // 4 x 5 x 30 = 600 points; tables of 4 x 5 = 20, 5 x 30 = 150 and 30 entries: 200, a third of them.
    const fd = dimsOf(4, 5, 30);
    expect(tabled({ dims: [0, 1, 2], rules: [0, 1, 2], reads: [[0, 1], [1, 2], [2]] }, fd)).toEqual([0, 1, 2]);
  });

  it('where a rule reads the whole factor (evaluated at each point anyway), tables only the rules of an eighth of the points or fewer', () => {
    // 600 points: the rule reading all three is evaluated at each point; 20 and 30 entries are tabled, 150 (a quarter) is not.
    const fd = dimsOf(4, 5, 30);
    expect(tabled({ dims: [0, 1, 2], rules: [0, 1, 2, 3], reads: [[0, 1, 2], [0, 1], [1, 2], [2]] }, fd)).toEqual([1, 3]);
  });

  it('gives the analysis evaluating every rule at every point gives, example for example, on decisions whose rules read part of their factor', () => {
    const p: Pack = structuredClone(examplePack());
    p.inputs.properties.a = { type: 'boolean' };
    p.inputs.properties.b = { type: 'string', enum: ['x', 'y', 'z'] };
    p.inputs.properties.c = { type: 'integer', minimum: 0, maximum: 40 };
    p.inputs.properties.since = { type: 'string', format: 'date' };
    const rules: Rule[] = [
      { id: 'a-and-b', output: 'Inadequate', priority: 3, source: src, when: { all: [{ fact: 'a', operator: 'equal', value: true }, { fact: 'b', operator: 'equal', value: 'x' }] } },
      { id: 'b-and-c', output: 'Bronze', priority: 2, source: src, interpretation: 'uncovered-combination', when: { all: [{ fact: 'b', operator: 'in', value: ['y', 'z'] }, { fact: 'c', operator: 'lessThan', value: 20 }] } },
      { id: 'c-and-date', output: 'Silver', priority: 1, source: src, when: { all: [{ fact: 'c', operator: 'greaterThanInclusive', value: 30 }, { fact: 'since', operator: 'before', value: { fact: 'asOf' } }] } },
      { id: 'all', output: 'Gold', priority: 0, source: src, when: { all: [{ fact: 'a', operator: 'equal', value: false }, { fact: 'c', operator: 'equal', value: 7 }, { fact: 'since', operator: 'present', value: true }] } },
    ];
    for (const hitPolicy of ['first', 'unique', 'max', 'min', 'collect'] as const) {
      const q = structuredClone(p);
      q.decisions.probe = { label: 'Probe', scale: 'band', hitPolicy, rules: hitPolicy === 'first' ? rules : rules.map(({ priority: _, ...r }) => r) };
      const c = compilePack(q);
      const inst = c.instances.find((i) => i.id === 'probe')!;
      const withTables = analyseInstance(c, inst);
      expect(withTables.exhaustive).toBe(true);
      expect(withTables, hitPolicy).toEqual(analyseInstance(c, inst, { tables: false }));
    }
  });

  it('gives the same whole analysis with and without tables on the fixture packs', () => {
    for (const p of [examplePack(), countingPack(), leftExpressionPack(), statementsPack()]) {
      const c = compilePack(p);
      const { millis: _a, ...withTables } = analyse(c);
      const { millis: _b, ...without } = analyse(c, { tables: false });
      expect(withTables, p.metadata.id).toEqual(without);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { yesNoInputsPack } from '../fixtures/yes-no-inputs-pack.js';
import { compilePack } from '../compile/compile-pack.js';
import type { Pack } from '../types.js';
import { analyseInstance } from './analyse.js';
import { placesWords, rulePlace } from './rule-place.js';

const src = { doc: 'guide', section: '3' };

/**
 * A decision with two rules and a table of three rows over boolean inputs `a` and `b`: the
 * rule `a-gold` (written second, run first by its priority) decides wherever `a` holds; the
 * row `a-too` asks for `a` as well, so it is masked; the row `never` asks for `b` to be one of no values.
 */
function placedPack(): Pack {
  const p = yesNoInputsPack('a', 'b');
  p.decisions.probe = {
    label: 'Probe', scale: 'band', hitPolicy: 'first', source: src,
    rules: [
      { id: 'b-silver', output: 'Silver', source: src, when: { all: [{ fact: 'b', operator: 'equal', value: true }, { fact: 'a', operator: 'equal', value: false }] } },
      { id: 'a-gold', output: 'Gold', priority: 1, source: src, when: { fact: 'a', operator: 'equal', value: true } },
    ],
    table: {
      inputs: [{ fact: 'a' }, { fact: 'b' }],
      rows: [
        { id: 'a-too', cells: [true, 'any'], output: 'Bronze', source: src },
        { id: 'never', cells: [false, { operator: 'in', value: [] }], output: 'Bronze', source: src },
        { id: 'rest', cells: ['any', 'any'], output: 'Inadequate', source: src },
      ],
    },
  };
  return p;
}

describe('rule places', () => {
  const c = compilePack(placedPack());
  const probe = c.instances.find((i) => i.id === 'probe')!;
  const rule = (id: string) => probe.rules.find((r) => r.id === id)!;

  it('points at a rule by where the pack writes it, not by the order its priority runs it in', () => {
    expect(rulePlace(c, 'probe', rule('a-gold'))).toEqual({ id: 'a-gold', pointer: '/decisions/probe/rules/1', kind: 'rule' });
    expect(rulePlace(c, 'probe', rule('b-silver'))).toEqual({ id: 'b-silver', pointer: '/decisions/probe/rules/0', kind: 'rule' });
  });

  it('points at a row of a decision table by its row, after the decision\'s own rules', () => {
    expect(rulePlace(c, 'probe', rule('a-too'))).toEqual({ id: 'a-too', pointer: '/decisions/probe/table/rows/0', kind: 'row' });
    expect(rulePlace(c, 'probe', rule('rest'))).toEqual({ id: 'rest', pointer: '/decisions/probe/table/rows/2', kind: 'row' });
  });

  it('names rules and rows each in the number they take', () => {
    expect(placesWords([{ id: 'x', kind: 'row' }])).toBe('row "x"');
    expect(placesWords([{ id: 'x', kind: 'row' }, { id: 'y', kind: 'row' }])).toBe('rows "x", "y"');
    expect(placesWords([{ id: 'r', kind: 'rule' }])).toBe('rule "r"');
    expect(placesWords([{ id: 'y', kind: 'row' }, { id: 'r', kind: 'rule' }, { id: 's', kind: 'rule' }])).toBe('rules "r", "s" and row "y"');
  });

  it('gives a masked row its pointer, the pointers of what masks it and a message naming rows as rows', () => {
    for (const factors of [true, false]) {
      const d = analyseInstance(c, probe, { factors });
      const masked = d.findings.filter((f) => f.kind === 'masked');
      expect(masked, `factors ${factors}`).toEqual([expect.objectContaining({
        rule: 'a-too', pointer: '/decisions/probe/table/rows/0', maskedBy: ['/decisions/probe/rules/1'],
        message: 'row "a-too" matches only where the higher-priority rule "a-gold" already decides',
      })]);
      const unreachable = d.findings.filter((f) => f.kind === 'unreachable');
      expect(unreachable, `factors ${factors}`).toEqual([expect.objectContaining({ rule: 'never', pointer: '/decisions/probe/table/rows/1', message: 'row "never" never matches' })]);
      expect(unreachable[0]!.maskedBy).toBeUndefined();
    }
  });

  it('names several masking rules in the plural, and points at each', () => {
    const p = placedPack();
    p.decisions.probe!.table!.rows.splice(2, 0, { id: 'b-any', cells: ['any', true], output: 'Bronze', source: src });
    const cp = compilePack(p);
    const d = analyseInstance(cp, cp.instances.find((i) => i.id === 'probe')!);
    expect(d.findings.find((f) => f.rule === 'b-any')).toMatchObject({
      kind: 'masked', pointer: '/decisions/probe/table/rows/2', maskedBy: ['/decisions/probe/rules/1', '/decisions/probe/rules/0'],
      message: 'row "b-any" matches only where the higher-priority rules "a-gold", "b-silver" already decide',
    });
  });

  it('names a row decided only under an interpretation, or giving no value on the scale, a row, with its pointer', () => {
    const p = placedPack();
    p.interpretations = { ...(p.interpretations ?? {}), 'rest-is-inadequate': { title: 'The rest is Inadequate', note: 'what no row names is Inadequate', source: src } };
    p.decisions.probe!.table!.rows[2]!.interpretation = 'rest-is-inadequate';
    // Where neither holds, this row gives the answer to a (no): no value on the band scale.
    const off = placedPack();
    off.decisions.probe!.table!.rows.splice(1, 0, { id: 'b-answer', cells: [false, false], output: { fact: 'a' } as never, source: src });
    const [interp, noValue] = [p, off].map((x) => { const cp = compilePack(x); return { cp, inst: cp.instances.find((i) => i.id === 'probe')! }; });
    for (const factors of [true, false]) {
      const d = analyseInstance(interp!.cp, interp!.inst, { factors });
      expect(d.findings.filter((f) => f.kind === 'interpretation-only'), `factors ${factors}`).toEqual([expect.objectContaining({
        rule: 'rest', pointer: '/decisions/probe/table/rows/2', interpretation: 'rest-is-inadequate',
        message: 'decided only by row "rest", under interpretation "rest-is-inadequate"',
      })]);
      const gaps = analyseInstance(noValue!.cp, noValue!.inst, { factors }).findings.filter((f) => f.kind === 'gap');
      expect(gaps, `factors ${factors}`).toEqual([expect.objectContaining({
        rule: 'b-answer', pointer: '/decisions/probe/table/rows/1', message: 'row "b-answer" matches but gives no value on the scale "band"',
      })]);
    }
  });
});

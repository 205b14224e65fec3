import { describe, expect, it } from 'vitest';
import { specialised, unpack } from './specialised.js';
import { compilePack } from './compile-pack.js';
import { evaluate } from '../evaluate/evaluate.js';
import { examplePack, judgementsFor } from '../fixtures/example-pack.js';
import type { Pack } from '../types.js';

describe('specialised', () => {
  it('makes a function from the engine\'s code, with the values passed in', () => {
    const both = specialised<(s: number) => boolean>(['T'], `${unpack('t', 'T', 2)} return function test(s) { return !!(t0(s) && t1(s)); };`, [[(s: number) => s > 1, (s: number) => s < 5]]);
    expect([0, 2, 6].map(both)).toEqual([false, true, false]);
  });

  it('refuses code holding text, a comment or a template, and parameters that are not plain names', () => {
    for (const code of ['return "x";', 'return \'x\';', 'return `x`;', 'return 1; // x', 'return /* x */ 1;', 'return 1;\\u0022']) {
      expect(() => specialised(['T'], code, [[]])).toThrow(/other than names, numbers and operators/);
    }
    expect(() => specialised(['a=globalThis'], 'return 1;', [1])).toThrow(/not a plain name/);
  });
});

/** Text that would run as code if it were ever put into the generated code instead of passed as a value. */
const ATTACK = '"); globalThis.__qafPwned = 1; (" */ `${globalThis.__qafPwned = 2}` \\';

describe('specialised evaluation, against a hostile pack', () => {
  it('reads names and values with code in them as plain text: nothing runs, the determination carries them as written', () => {
    const p = examplePack() as Pack & { inputs: { properties: Record<string, unknown> } };
    // A fact whose name, an interpretation whose id, and an action and a schedule entry whose words and values, are code (ids of actions and entries are plain by the schema).
    const fact = `late${ATTACK}`;
    p.inputs.properties[fact] = { type: 'string' };
    p.interpretations![ATTACK] = { title: ATTACK, note: ATTACK, source: { doc: 'guide', section: '4' } };
    p.outcomes.actions!.push({ id: 'act-hostile', label: ATTACK, owner: ATTACK, source: { doc: 'guide', section: '4' }, interpretation: ATTACK, when: { fact, operator: 'equal', value: ATTACK } });
    p.outcomes.schedule!.push({ id: 'visit-hostile', activity: ATTACK, label: ATTACK, every: { days: 3 }, source: { doc: 'guide', section: '5' }, when: { all: [{ fact, operator: 'equal', value: ATTACK }, { not: { fact: 'statementLate', operator: 'equal', value: true } }] } });
    const c = compilePack(p);
    const d = evaluate(c, { date: '2025-03-01', judgements: judgementsFor(p, 'Fully met'), facts: { statementLate: false, [fact]: ATTACK } });
    expect((globalThis as { __qafPwned?: unknown }).__qafPwned).toBeUndefined();
    expect(d.actions).toContainEqual({ id: 'act-hostile', label: ATTACK, owner: ATTACK, due: '2025-03-01', source: 'guide s4', interpretation: ATTACK });
    expect(d.schedule).toContainEqual({ id: 'visit-hostile', activity: ATTACK, label: ATTACK, everyDays: 3, nextDue: '2025-03-04', source: 'guide s5' });
    expect(d.interpretations.map((i) => i.id)).toContain(ATTACK);
    // The same assessment with the fact's value not the written one: neither applies.
    const other = evaluate(c, { date: '2025-03-01', judgements: judgementsFor(p, 'Fully met'), facts: { statementLate: false, [fact]: 'plain' } });
    expect(other.actions.map((a) => a.id)).not.toContain('act-hostile');
    expect(other.schedule.map((e) => e.id)).not.toContain('visit-hostile');
    expect((globalThis as { __qafPwned?: unknown }).__qafPwned).toBeUndefined();
  });
});

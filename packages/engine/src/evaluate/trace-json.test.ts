import { describe, expect, it } from 'vitest';
import { compilePack } from '../compile/compile-pack.js';
import { examplePack } from '../fixtures/example-pack.js';
import { randomAssessment, seededRandom } from '../reference/random-assessment.js';
import type { TraceEntry } from '../types.js';
import { evaluate } from './evaluate.js';
import { traceJson } from './trace-json.js';
import { explainDetermination } from '../explain/explain-determination.js';

describe('traceJson', () => {
  it('writes exactly the text JSON.stringify writes for the traces the engine makes', () => {
    const compiled = compilePack(examplePack());
    const r = seededRandom(5);
    let traced = 0;
    for (let i = 0; i < 300; i++) {
      const a = { ...randomAssessment(compiled, r), facts: { statementLate: r() < 0.3 } };
      const trace = explainDetermination(compiled.pack, evaluate(compiled, a, { explain: true }));
      expect(traceJson(trace)).toBe(JSON.stringify(trace));
      traced += trace.length;
    }
    expect(traced).toBeGreaterThan(3000);
  });

  it('escapes what JSON must escape, in the pack\'s words and in the values alike', () => {
    const awkward = ['say "Gold"', 'back\\slash', 'tab\there', 'nul\u0000', 'line\u2028sep', 'é', '\ud83d\ude00', 'lone \ud800'];
    const trace: TraceEntry[] = awkward.map((text, i) => ({
      decision: `d ${text}`, rule: text, label: `${text} label`, fired: i % 2 === 0,
      output: i % 3 === 0 ? text : i % 3 === 1 ? i : { band: text, list: [text, null, true] },
      because: [text, `needs ${text}; 0 were`], source: `${text} s1`,
    }));
    trace.push({ decision: 'x', rule: 'y', fired: false, because: [] });
    expect(traceJson(trace)).toBe(JSON.stringify(trace));
    expect(JSON.parse(traceJson(trace))).toEqual(JSON.parse(JSON.stringify(trace)));
  });

  it('writes an empty trace as an empty list', () => {
    expect(traceJson([])).toBe('[]');
  });
});

import { describe, expect, it } from 'vitest';
import { examplePack, judgementsFor } from '../fixtures/example-pack.js';
import { evaluate } from '../evaluate/evaluate.js';
import { packHash } from '../hash.js';
import { compilePack } from './compile-pack.js';

describe('compilePack', () => {
  const assessment = { date: '2025-03-01', judgements: judgementsFor(examplePack(), 'Fully met'), facts: { statementLate: false } };

  it('cites the rules hash of the pack by default', () => {
    const compiled = compilePack(examplePack());
    expect(compiled.hash).toBe(packHash(examplePack()));
    expect(evaluate(compiled, assessment).pack.hash).toBe(packHash(examplePack()));
  });

  it('cites the hash a version was stored under, when given one', () => {
    const stored = 'sha256:0000000000000000000000000000000000000000000000000000000000000001';
    const compiled = compilePack(examplePack(), { hash: stored });
    expect(compiled.hash).toBe(stored);
    expect(evaluate(compiled, assessment).pack).toEqual({ id: 'example', version: '1.0.0', hash: stored });
  });
});

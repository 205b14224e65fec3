import { compilePack, runCases, validatePack, analyse } from '@openqaf/engine';
import { describe, expect, it } from 'vitest';
import { testshirePack } from './testshire-pack.js';

describe('the testshire fixture pack', () => {
  it('is valid and its cases pass, so server tests exercise the server and not a broken pack', () => {
    const result = validatePack(testshirePack());
    expect(result.errors).toEqual([]);
    const compiled = compilePack(result.pack!);
    const run = runCases(compiled);
    expect(run.results.filter((r) => !r.ok)).toEqual([]);
    expect(run.passed).toBe(2);
    expect(analyse(compiled).decisions.length).toBeGreaterThan(0);
  });
});

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

  it('is valid with an officer override of the overall rating, with or without a reason required', () => {
    for (const reasonRequired of [false, true]) {
      const result = validatePack(testshirePack({ officerOverride: { reasonRequired } }));
      expect(result.errors).toEqual([]);
      expect(result.pack!.decisions.overallRating!.override).toEqual({ reasonRequired, source: { doc: 'qaf', section: '2' } });
    }
    expect(testshirePack().decisions.overallRating!.override).toBeUndefined();
  });
});

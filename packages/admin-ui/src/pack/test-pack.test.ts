import { validatePack } from '@openqaf/engine';
import { describe, expect, it } from 'vitest';
import { testPack } from './test-pack.test-helpers.js';

describe('the component tests\' pack', () => {
  it('is a valid pack for the engine, so tests exercise real shapes', () => {
    const result = validatePack(testPack());
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });
});

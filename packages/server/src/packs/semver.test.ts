import { describe, expect, it } from 'vitest';
import { compareSemver, nextPatch, parseSemver } from './semver.js';

describe('semantic versions', () => {
  it('orders versions numerically, not as text', () => {
    expect(compareSemver('1.10.0', '1.9.0')).toBeGreaterThan(0);
    expect(compareSemver('2.0.0', '10.0.0')).toBeLessThan(0);
    expect(compareSemver('1.0.0', '1.0.0')).toBe(0);
  });

  it('sorts a prerelease before its release', () => {
    expect(compareSemver('1.1.0-rc.1', '1.1.0')).toBeLessThan(0);
  });

  it('refuses text that is not a version', () => {
    expect(parseSemver('1.0')).toBeUndefined();
    expect(() => compareSemver('v1', '1.0.0')).toThrow(/Not a semantic version/);
  });

  it('bumps the patch, or releases a prerelease', () => {
    expect(nextPatch('1.2.3')).toBe('1.2.4');
    expect(nextPatch('1.3.0-rc.1')).toBe('1.3.0');
  });
});

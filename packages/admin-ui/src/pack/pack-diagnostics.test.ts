import { describe, expect, it } from 'vitest';
import { packDiagnostics } from './pack-diagnostics.js';
import { testPack } from './test-pack.test-helpers.js';

describe('packDiagnostics', () => {
  it('finds nothing wrong with a valid pack', () => {
    expect(packDiagnostics(JSON.stringify(testPack(), null, 2))).toEqual([]);
  });

  it('places a bad due time at its value, in plain words', () => {
    const pack = testPack();
    pack.outcomes.actions![0]!.due = { days: -2 };
    const text = JSON.stringify(pack, null, 2);
    const [d] = packDiagnostics(text);
    expect(d!.pointer).toBe('/outcomes/actions/0/due/days');
    expect(text.slice(d!.from, d!.to)).toBe('-2');
    expect(d!.message).toMatch(/^Must be .*\b0\b/);
  });

  it('lists a schema error and a meaning error together, each at its value', () => {
    const pack = testPack();
    pack.outcomes.actions![0]!.due = { days: -2 };
    pack.decisions.domainRating!.rules![1]!.output = 'Platinum';
    const text = JSON.stringify(pack, null, 2);
    const found = packDiagnostics(text).map((d) => [d.pointer, text.slice(d.from, d.to)]);
    expect(found).toEqual([
      ['/outcomes/actions/0/due/days', '-2'],
      ['/decisions/domainRating/rules/1/output', '"Platinum"'],
    ]);
  });

  it('places a syntax error where the JSON breaks', () => {
    const [d] = packDiagnostics('{\n  "metadata": ,\n}');
    expect(d).toBeDefined();
    expect(d!.from).toBeGreaterThan(0);
  });
});

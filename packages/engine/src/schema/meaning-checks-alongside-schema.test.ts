import { describe, expect, it } from 'vitest';
import { examplePack } from '../fixtures/example-pack.js';
import type { Pack } from '../types.js';
import { validatePack } from './validate-pack.js';

const clone = (): Pack => structuredClone(examplePack());

describe('schema errors and meaning errors reported together', () => {
  it('reports a schema error and a meaning error of one pack in one list, each with its pointer, message and hint', () => {
    const p = clone();
    // Schema: a priority must be a number.
    (p.decisions.overallRating!.rules![0] as unknown as Record<string, unknown>).priority = 'high';
    // Meaning: an output that is not on the decision's scale.
    p.decisions.overallRating!.rules![1]!.output = 'Platinum';
    const r = validatePack(p);
    expect(r.valid).toBe(false);
    expect(r.errors.map((e) => [e.code, e.pointer])).toEqual([
      ['schema.type', '/decisions/overallRating/rules/0/priority'],
      ['scale', '/decisions/overallRating/rules/1/output'],
    ]);
    expect(r.errors[0]!.message).toBe('Must be number.');
    expect(r.errors[0]!.hint).toBeTruthy();
    expect(r.errors[1]!.message).toMatch(/"Platinum" is not on the scale "band"/);
    expect(r.errors[1]!.hint).toBeTruthy();
  });

  it('reports both from JSON text too (the admin UI and the server validate text)', () => {
    const p = clone() as unknown as { metadata: Record<string, unknown> } & Pack;
    p.metadata.colour = 'blue';
    p.metadata.documents = ['guide', 'no-such-document'];
    const r = validatePack(JSON.stringify(p));
    expect(r.errors.map((e) => [e.pointer, e.message])).toEqual([
      ['/metadata', 'Unknown property "colour".'],
      ['/metadata/documents/1', 'Document "no-such-document" is not declared in sources.'],
    ]);
  });

  it('reports a place the schema refuses once, not again as a meaning error', () => {
    const p = clone();
    p.decisions.overallRating!.rules![0]!.when = { fact: 'statmentLate', operator: 'equal' } as never;
    const r = validatePack(p);
    expect(r.errors.filter((e) => e.pointer.startsWith('/decisions/overallRating/rules/0/when')).map((e) => e.code)).toEqual(['schema.oneOf']);
  });

  it('still reports the schema errors, without throwing, when the pack is too broken for the meaning checks', () => {
    const broken = [
      { ...clone(), decisions: [] },
      { ...clone(), scales: 'none' },
      { ...clone(), decisions: { overallRating: { label: 'x', scale: 'band', hitPolicy: 'first', rules: 'none' } } },
      { ...clone(), outcomes: { headline: 'overallRating', actions: [{ id: 'a', when: 7 }] } },
      { metadata: null },
      7,
    ];
    for (const b of broken) {
      const r = validatePack(b);
      expect(r.valid).toBe(false);
      expect(r.errors.length).toBeGreaterThan(0);
      expect(r.errors.every((e) => typeof e.pointer === 'string' && e.message.length > 0)).toBe(true);
    }
  });
});

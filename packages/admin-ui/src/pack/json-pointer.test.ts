import { describe, expect, it } from 'vitest';
import { pointerToken, valueAt, withValueAt } from './json-pointer.js';

describe('json pointers', () => {
  it('reads nested values through objects and arrays, escaping / and ~', () => {
    const doc = { a: [{ 'x/y': 1, 'm~n': 2 }] };
    expect(valueAt(doc, '/a/0/x~1y')).toBe(1);
    expect(valueAt(doc, `/a/0/${pointerToken('m~n')}`)).toBe(2);
    expect(valueAt(doc, '/a/3/b')).toBeUndefined();
  });

  it('replaces one value in a copy and leaves the original unchanged', () => {
    const doc = { framework: { domains: [{ parameters: { silverMinFullyMet: 12 } }, { id: 'b' }] } };
    const next = withValueAt(doc, '/framework/domains/0/parameters/silverMinFullyMet', 11);
    expect(valueAt(next, '/framework/domains/0/parameters/silverMinFullyMet')).toBe(11);
    expect(doc.framework.domains[0]!.parameters!.silverMinFullyMet).toBe(12);
    expect(Array.isArray(next.framework.domains)).toBe(true);
    expect(next.framework.domains[1]).toBe(doc.framework.domains[1]);
  });
});

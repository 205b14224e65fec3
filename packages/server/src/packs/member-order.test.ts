import { packHash } from '@openqaf/engine';
import { describe, expect, it } from 'vitest';
import { testshirePack } from '../test-fixtures/testshire-pack.js';
import { inOrderOf } from './member-order.js';

/** The members of every object sorted as jsonb gives them back: shorter names first, then by bytes. */
function jsonbOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(jsonbOrder);
  if (typeof value !== 'object' || value === null) return value;
  const names = Object.keys(value).sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(names.map((k) => [k, jsonbOrder((value as Record<string, unknown>)[k])]));
}

describe('putting a pack\'s members back in order', () => {
  it('orders each object as the reference does, keeps the members it lacks after them, and changes no value', () => {
    const value = { zeta: 1, b: { y: 2, x: 1 }, a: [{ id: 'q', n: 1, m: 2 }, { id: 'p', m: 3, n: 4 }], extra: true };
    const reference = { a: [{ id: 'p', n: 0, m: 0 }, { id: 'q', m: 0, n: 0 }], b: { x: 0, y: 0 }, zeta: 0 };
    const ordered = inOrderOf(value, reference);
    // Arrays keep their own order; their items are matched by id.
    expect(JSON.stringify(ordered)).toBe('{"a":[{"id":"q","m":2,"n":1},{"id":"p","n":4,"m":3}],"b":{"x":1,"y":2},"zeta":1,"extra":true}');
    expect(ordered).toEqual(value);
  });

  it('gives a pack read back from jsonb the order its package wrote, with the same content hash', () => {
    const pack = testshirePack();
    const sorted = jsonbOrder(pack);
    expect(JSON.stringify(sorted)).not.toBe(JSON.stringify(pack));
    const ordered = inOrderOf(sorted, pack);
    expect(JSON.stringify(ordered)).toBe(JSON.stringify(pack));
    expect(packHash(ordered as never)).toBe(packHash(pack));
  });
});

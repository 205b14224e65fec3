import { describe, expect, it } from 'vitest';
import { propertyKey } from './property-key.js';

describe('propertyKey', () => {
  it('gives the same text, "__proto__" and index-like names included', () => {
    for (const id of ['domainRating.safeguarding', ['overall', 'Rating'].join(''), '12', '__proto__', '', 'constructor']) expect(propertyKey(id)).toBe(id);
  });
});

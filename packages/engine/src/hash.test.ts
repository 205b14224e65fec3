import { describe, expect, it } from 'vitest';
import { examplePack } from './fixtures/example-pack.js';
import { bundleHash, canonicalJson, packHash } from './hash.js';

describe('packHash', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 1, c: 2 }] })).toBe('{"a":[2,{"c":2,"d":1}],"b":1}');
    expect(packHash({ a: 1, b: 2 })).toBe(packHash({ b: 2, a: 1 }));
  });

  it('changes with any value of the rules', () => {
    expect(packHash({ a: 1 })).not.toBe(packHash({ a: 2 }));
    expect(packHash({ a: 1 })).toMatch(/^sha256:[0-9a-f]{64}$/);
    const changed = examplePack();
    changed.decisions.overallRating!.rules![0]!.label = 'Another label';
    expect(packHash(changed)).not.toBe(packHash(examplePack()));
  });

  it('stays the same when a case is added', () => {
    const more = examplePack();
    more.cases = [...more.cases!, { ...more.cases![0]!, id: 'one-more' }];
    expect(packHash(more)).toBe(packHash(examplePack()));
    expect(bundleHash(more)).not.toBe(bundleHash(examplePack()));
  });

  it('stays the same when identical rules are published under a new version and effective date', () => {
    const republished = examplePack();
    republished.metadata = { ...republished.metadata, version: '2.0.0', effectiveFrom: '2030-01-01' };
    delete republished.cases;
    expect(packHash(republished)).toBe(packHash(examplePack()));
  });

  it('changes with the council, title or documents, which are part of the rules', () => {
    for (const field of ['id', 'council', 'title'] as const) {
      const other = examplePack();
      other.metadata = { ...other.metadata, [field]: 'other' };
      expect(packHash(other), field).not.toBe(packHash(examplePack()));
    }
  });
});

describe('bundleHash', () => {
  it('is the hash of the whole pack, as versions stored before rules hashing cite', () => {
    const pack = examplePack();
    expect(bundleHash(pack)).not.toBe(packHash(pack));
    expect(bundleHash({ b: 2, a: 1 })).toBe('sha256:43258cff783fe7036d8a43033f830adfc60ec037382473548ac742b888292777');
  });
});

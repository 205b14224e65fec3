import { describe, expect, it } from 'vitest';
import { judgements, testshirePack } from '../test-fixtures/testshire-pack.js';
import { cachedCompiled, compile, evaluateAssessment, packHash } from './index.js';

describe('the compiled-pack cache', () => {
  it('tells apart stored versions with the same rules hash by their version label', () => {
    const first = testshirePack({ id: 'cacheshire' });
    const republished = testshirePack({ id: 'cacheshire', version: '1.0.1', effectiveFrom: '2025-06-01' });
    const hash = packHash(first);
    expect(packHash(republished)).toBe(hash);
    const a = compile(first, undefined, hash);
    const b = compile(republished, undefined, hash);
    expect([a.pack.metadata.version, b.pack.metadata.version]).toEqual(['1.0.0', '1.0.1']);
    expect(cachedCompiled({ hash, version: '1.0.1' })).toBe(b);
    const input = { date: '2025-07-01', judgements: judgements(4), facts: { concerns: false } };
    const d = evaluateAssessment(republished, input, { asOf: input.date, hash });
    expect(d.pack).toEqual({ id: 'cacheshire', version: '1.0.1', hash });
  });

  it('compiles a pack not stored under its whole content, not an earlier pack with the same rules', () => {
    const pack = testshirePack({ id: 'caseshire' });
    expect(compile(pack).pack.cases).toHaveLength(pack.cases!.length);
    const more = { ...pack, cases: [...pack.cases!, { ...pack.cases![0]!, id: 'one-more' }] };
    expect(compile(more).pack.cases!.map((c) => c.id)).toContain('one-more');
  });

  it('cites the hash a version was stored under', () => {
    const pack = testshirePack({ id: 'oldshire' });
    const stored = 'sha256:1111111111111111111111111111111111111111111111111111111111111111';
    const input = { date: '2025-07-01', judgements: judgements(4), facts: { concerns: false } };
    expect(evaluateAssessment(pack, input, { asOf: input.date, hash: stored }).pack.hash).toBe(stored);
    expect(evaluateAssessment(pack, input, { asOf: input.date }).pack.hash).toBe(packHash(pack));
  });
});

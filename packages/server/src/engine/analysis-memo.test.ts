import { describe, expect, it } from 'vitest';
import type { AnalysisReport } from './index.js';
import { AnalysisMemo } from './analysis-memo.js';

/** A stand-in analysis that counts how often it was asked for. */
function counting() {
  const calls: string[] = [];
  return {
    calls,
    analyse: (label: string) => () => { calls.push(label); return Promise.resolve({ label } as unknown as AnalysisReport); },
  };
}

describe('analysis memo', () => {
  it('analyses a content once: the same content (keys in any order) is answered from memory', async () => {
    const memo = new AnalysisMemo();
    const a = counting();
    const first = await memo.get({ x: 1, y: [2] }, 'bolton', true, a.analyse('first'));
    const again = await memo.get({ y: [2], x: 1 }, 'bolton', true, a.analyse('again'));
    expect(a.calls).toEqual(['first']);
    expect(again).toBe(first);
  });

  it('analyses again for another content, another council or without the extensions', async () => {
    const memo = new AnalysisMemo();
    const a = counting();
    await memo.get({ x: 1 }, 'bolton', true, a.analyse('one'));
    await memo.get({ x: 2 }, 'bolton', true, a.analyse('other content'));
    await memo.get({ x: 1 }, 'birmingham', true, a.analyse('other council'));
    await memo.get({ x: 1 }, 'bolton', false, a.analyse('no extensions'));
    expect(a.calls).toEqual(['one', 'other content', 'other council', 'no extensions']);
  });

  it('answers a draft with only a case added, or a new version label or date, from memory, under its own label', async () => {
    const memo = new AnalysisMemo();
    const a = counting();
    const published = { metadata: { id: 'p', version: '1.0.0', effectiveFrom: '2025-01-01' }, rules: [{ id: 'r' }], cases: [{ id: 'c1' }] };
    const draft = { metadata: { id: 'p', version: '1.1.0', effectiveFrom: '2026-04-01' }, rules: [{ id: 'r' }], cases: [{ id: 'c1' }, { id: 'c2' }] };
    const analyse = (label: string, version: string) => () => { a.calls.push(label); return Promise.resolve({ pack: { id: 'p', version, hash: 'h' } } as unknown as AnalysisReport); };
    await memo.get(published, 'bolton', true, analyse('published', '1.0.0'));
    const report = await memo.get(draft, 'bolton', true, analyse('draft', '1.1.0'));
    expect(a.calls).toEqual(['published']);
    expect(report.pack).toEqual({ id: 'p', version: '1.1.0', hash: 'h' });
    // The published version's report keeps its own label.
    expect((await memo.get(published, 'bolton', true, analyse('again', '1.0.0'))).pack.version).toBe('1.0.0');
  });

  it('analyses again when a rule or other metadata changes', async () => {
    const memo = new AnalysisMemo();
    const a = counting();
    await memo.get({ metadata: { id: 'p', version: '1' }, rules: [1] }, 'bolton', true, a.analyse('one'));
    await memo.get({ metadata: { id: 'p', version: '1' }, rules: [2] }, 'bolton', true, a.analyse('rule changed'));
    await memo.get({ metadata: { id: 'q', version: '1' }, rules: [1] }, 'bolton', true, a.analyse('id changed'));
    expect(a.calls).toEqual(['one', 'rule changed', 'id changed']);
  });

  it('does not keep a failed analysis: the next request tries again', async () => {
    const memo = new AnalysisMemo();
    await expect(memo.get({ x: 1 }, 'bolton', true, () => Promise.reject(new Error('worker stopped')))).rejects.toThrow('worker stopped');
    const a = counting();
    await memo.get({ x: 1 }, 'bolton', true, a.analyse('retried'));
    expect(a.calls).toEqual(['retried']);
  });

  it('holds at most its number of entries, forgetting the least recently used', async () => {
    const memo = new AnalysisMemo(2);
    const a = counting();
    await memo.get({ n: 1 }, 'c', true, a.analyse('1'));
    await memo.get({ n: 2 }, 'c', true, a.analyse('2'));
    await memo.get({ n: 1 }, 'c', true, a.analyse('1 again'));
    await memo.get({ n: 3 }, 'c', true, a.analyse('3'));
    expect(memo.size).toBe(2);
    await memo.get({ n: 1 }, 'c', true, a.analyse('1 third time'));
    await memo.get({ n: 2 }, 'c', true, a.analyse('2 again'));
    expect(a.calls).toEqual(['1', '2', '3', '2 again']);
  });
});

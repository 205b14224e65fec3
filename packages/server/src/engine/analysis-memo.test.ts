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

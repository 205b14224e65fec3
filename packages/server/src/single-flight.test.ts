import { describe, expect, it } from 'vitest';
import { SingleFlight } from './single-flight.js';

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('single-flight fetches', () => {
  it('runs one fetch for concurrent callers of the same key, and one per key', async () => {
    const flights = new SingleFlight<string, string>();
    const calls: string[] = [];
    const pending = deferred<string>();
    const fetchA = () => {
      calls.push('a');
      return pending.promise;
    };
    const first = flights.run('a', fetchA);
    const second = flights.run('a', fetchA);
    const other = flights.run('b', async () => {
      calls.push('b');
      return 'B';
    });
    expect(calls).toEqual(['a', 'b']);
    expect(flights.size).toBe(2);
    pending.resolve('A');
    expect(await Promise.all([first, second, other])).toEqual(['A', 'A', 'B']);
    // Settled, it is forgotten: the caller's cache keeps results, not the flight.
    expect(flights.size).toBe(0);
    await flights.run('a', fetchA.bind(null));
    expect(calls).toEqual(['a', 'b', 'a']);
  });

  it('shares a failed fetch with those waiting for it, and does not keep it', async () => {
    const flights = new SingleFlight<string, number>();
    let calls = 0;
    const pending = deferred<number>();
    const failing = () => {
      calls++;
      return pending.promise;
    };
    const waiting = [flights.run('k', failing), flights.run('k', failing), flights.run('k', failing)];
    pending.reject(new Error('store down'));
    for (const w of waiting) await expect(w).rejects.toThrow('store down');
    expect(calls).toBe(1);
    expect(await flights.run('k', async () => ++calls)).toBe(2);
  });

  it('fails only its caller when the fetch throws before returning a promise', async () => {
    const flights = new SingleFlight<string, number>();
    await expect(
      flights.run('k', () => {
        throw new Error('bad key');
      }),
    ).rejects.toThrow('bad key');
    expect(flights.size).toBe(0);
    expect(await flights.run('k', async () => 7)).toBe(7);
  });

  it('after clear, new callers start their own fetch while earlier ones keep theirs', async () => {
    const flights = new SingleFlight<string, string>();
    const before = deferred<string>();
    const early = flights.run('k', () => before.promise);
    flights.clear();
    const late = flights.run('k', async () => 'read after the clear');
    before.resolve('read before the clear');
    expect(await early).toBe('read before the clear');
    expect(await late).toBe('read after the clear');
  });
});

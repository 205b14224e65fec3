import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash, sha256Text } from './content-hash.js';

describe('content hashes', () => {
  it('write canonical JSON: keys sorted at every depth, undefined members left out, arrays in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: 'é' }], c: undefined }, 'a-b': true })).toBe(
      '{"a":{"d":[3,{"y":"é","z":null}]},"a-b":true,"b":1}',
    );
    expect(canonicalJson([undefined, 'x'])).toBe('[null,"x"]');
    expect(canonicalJson('say "hi"')).toBe('"say \\"hi\\""');
  });

  it('write every string as JSON.stringify does, those that need escaping included', () => {
    const strings = ['plain', 'say "hi"', 'back\\slash', 'tab\there', '\u0000\u001f', 'line\u2028sep', 'é and ñ', '\ud83d\ude00', 'lone \ud800', 'lone \udfff', '\u007f'];
    for (const text of strings) {
      expect(canonicalJson(text)).toBe(JSON.stringify(text));
      expect(canonicalJson({ [text]: [text] })).toBe(`{${JSON.stringify(text)}:[${JSON.stringify(text)}]}`);
    }
  });

  it('write flat objects and arrays of scalars as the key-sorting loop does, whatever the order, prototype or members', () => {
    // The loop canonicalJson uses for anything not flat and in order, written out as the reference.
    const reference = (value: unknown): string => {
      if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
      if (Array.isArray(value)) return `[${Array.from(value, reference).join(',')}]`;
      const record = value as Record<string, unknown>;
      const members = Object.keys(record).sort().filter((k) => record[k] !== undefined);
      return `{${members.map((k) => `${JSON.stringify(k)}:${reference(record[k])}`).join(',')}}`;
    };
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1, b: 'x' });
    const values: unknown[] = [
      { a: 'Met', b: 2, c: true, d: null },
      { b: 'Met', a: 2 },
      { 9: 'nine', 10: 'ten', a: 'x' },
      { a: 1, b: undefined, c: 2 },
      { a: Number.NaN, b: -0, c: Number.POSITIVE_INFINITY },
      { a: new Date(0), b: 1 },
      { toJSON: () => 'own', a: 1 },
      { a: { toJSON: () => 'nested' } },
      new Date(0),
      bare,
      ['x', 1, null, false],
      [undefined, 'x'],
      // eslint-disable-next-line no-sparse-arrays -- a hole reads as undefined
      [, 1],
      { 'é': 1, e: 2, E: 3, '\ud83d\ude00': 4, 'a"b': 5, 'lone \ud800': 6 },
    ];
    for (const value of values) expect(canonicalJson(value)).toBe(reference(value));
    expect(canonicalJson({ a: new Date(0) })).toBe('{"a":{}}');
  });

  it('hash the same content the same whatever order its keys were written in', () => {
    expect(contentHash({ date: '2025-01-01', judgements: { b: 'Met', a: 'Not met' } })).toBe(
      contentHash({ judgements: { a: 'Not met', b: 'Met' }, date: '2025-01-01' }),
    );
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
  });

  it('are sha256 of the canonical text, written sha256:<hex>', () => {
    const expected = createHash('sha256').update('{"a":1,"b":[true,null]}').digest('hex');
    expect(contentHash({ b: [true, null], a: 1 })).toBe(`sha256:${expected}`);
    expect(sha256Text('{"a":1,"b":[true,null]}')).toBe(`sha256:${expected}`);
  });
});

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

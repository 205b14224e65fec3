import { describe, expect, it } from 'vitest';
import { HttpError } from './http-error.js';
import { decodeUtf8Body, invalidUtf8Offset } from './utf8.js';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

describe('decodeUtf8Body', () => {
  it('decodes valid UTF-8, including characters outside the basic plane', () => {
    expect(decodeUtf8Body(bytes('{"name":"Café 😀"}'))).toBe('{"name":"Café 😀"}');
  });

  it('refuses invalid bytes with a 400 naming the byte offset instead of storing U+FFFD', () => {
    let thrown: unknown;
    try {
      decodeUtf8Body(bytes('{"a":"', [0xff], '"}'));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(HttpError);
    expect((thrown as HttpError).status).toBe(400);
    expect((thrown as HttpError).details).toEqual([{ message: 'invalid UTF-8 sequence', offset: 6 }]);
  });
});

describe('invalidUtf8Offset', () => {
  it('names the start of a sequence cut short by an ASCII byte', () => {
    expect(invalidUtf8Offset(bytes('ab', [0xc3], '('))).toBe(2);
  });

  it('names a stray continuation byte after a complete character, not the character', () => {
    expect(invalidUtf8Offset(bytes('é', [0x80]))).toBe(2);
  });

  it('names an encoded surrogate (CESU-8), which UTF-8 forbids', () => {
    expect(invalidUtf8Offset(bytes('x', [0xed, 0xa0, 0x80]))).toBe(1);
  });

  it('names a character truncated at the end of the body', () => {
    expect(invalidUtf8Offset(bytes('abc', [0xe2, 0x82]))).toBe(3);
  });
});

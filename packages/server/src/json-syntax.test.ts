import { describe, expect, it } from 'vitest';
import { isJsonSyntaxProblem, locateJsonError, parseJsonText } from './json-syntax.js';

function problemOf(text: string) {
  try {
    parseJsonText(text);
  } catch (error) {
    if (isJsonSyntaxProblem(error)) return error;
    throw error;
  }
  throw new Error('expected a syntax problem');
}

describe('parseJsonText', () => {
  it('parses valid JSON exactly as JSON.parse does', () => {
    expect(parseJsonText('{"a":[1,2.5e3,"x\\u00e9",true,null]}')).toEqual({ a: [1, 2500, 'xé', true, null] });
  });

  it('reports the line and column of a missing value', () => {
    const p = problemOf('{\n  "a": 1,\n  "b": }\n');
    expect([p.line, p.column]).toEqual([3, 8]);
  });

  it('reports an unquoted property name where it starts', () => {
    const p = problemOf('{\n  "a": 1,\n  x: 2\n}');
    expect([p.line, p.column]).toEqual([3, 3]);
  });

  it('reports truncated input at its end', () => {
    expect(locateJsonError('{"a": [1, 2')).toBe(11);
  });

  it('reports trailing garbage after a complete value', () => {
    expect(locateJsonError('{} x')).toBe(3);
  });
});

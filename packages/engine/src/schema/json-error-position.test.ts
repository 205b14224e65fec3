import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from './json-error-position.js';
import { parseJson } from './parse-json.js';

describe('JSON syntax errors', () => {
  it('points at the first offending character', () => {
    expect(jsonErrorOffset('{"a": ,}')).toEqual({ offset: 6, expected: 'a value' });
    expect(jsonErrorOffset('{"a": 1,}')).toEqual({ offset: 8, expected: 'a property name in double quotes' });
    expect(jsonErrorOffset('[1 2]')).toEqual({ offset: 3, expected: 'a comma or a closing bracket' });
    expect(jsonErrorOffset('{"a": "x')).toEqual({ offset: 8, expected: 'a closing quote' });
    expect(jsonErrorOffset('{} x')).toEqual({ offset: 3, expected: 'the end of the document' });
  });
  it('reports line and column (1-based) in the message', () => {
    const r = parseJson('{\n  "metadata": ,\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ line: 2, column: 15, message: 'Malformed JSON at line 2, column 15: expected a value, found ",\\n}".' });
  });
});

import { describe, expect, it } from 'vitest';
import { jsonValueProblem, MAX_JSON_DEPTH, tooDeepOffset } from './json-value-check.js';

const nested = (levels: number) => {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
};

describe('jsonValueProblem', () => {
  it('finds nothing wrong with ordinary JSON, emoji and escaped pointer tokens included', () => {
    expect(jsonValueProblem({ 'a/b': ['x 😀', 1.5e300, -0, null, true], '~': { n: 0 } })).toBeUndefined();
  });

  it('allows exactly the engine limit of nesting and refuses one level more', () => {
    expect(jsonValueProblem(nested(MAX_JSON_DEPTH + 1))).toBeUndefined();
    expect(jsonValueProblem(nested(MAX_JSON_DEPTH + 2))?.pointer).toBe('/0'.repeat(MAX_JSON_DEPTH + 1));
  });

  it('walks a million levels without exhausting the stack', () => {
    expect(jsonValueProblem(nested(1_000_000))?.message).toMatch(/nested deeper/);
  });

  it('reports the first problem in document order, with escaped pointer tokens', () => {
    expect(jsonValueProblem({ ok: 1, 'a/b': { '~x': Infinity }, later: '\0' })).toEqual({
      pointer: '/a~1b/~0x',
      message: 'is a number too large to store (it overflows to infinity)',
    });
  });

  it('finds problems inside arrays in objects and objects in arrays, and a member named __proto__ as parsed', () => {
    expect(jsonValueProblem({ list: [1, { ok: 'x' }, { bad: 'lone \udc00' }] })).toEqual({
      pointer: '/list/2/bad',
      message: 'contains a lone surrogate (\\uDC00), which is not a Unicode character',
    });
    expect(jsonValueProblem([{ a: 1 }, ['x', { 'n\u0000': 1 }]])?.pointer).toBe('/1/1/n\u0000');
    expect(jsonValueProblem(JSON.parse('{"facts":{"__proto__":{"x":1}}}'))?.pointer).toBe('/facts/__proto__');
  });

  it('counts the members of objects only, so a body without duplicates passes and one with a duplicate is named', () => {
    const text = '{"a":[1,2,{"b":3}],"c":{"d":[4]}}';
    expect(jsonValueProblem(JSON.parse(text), text)).toBeUndefined();
    const twice = '{"a":[1,{"b":3,"b":4}]}';
    expect(jsonValueProblem(JSON.parse(twice), twice)).toMatchObject({ pointer: '/a/1/b', member: 'b' });
  });

  it('tells a body with colons in its names and strings from one naming a member twice, with and without \\u escapes', () => {
    for (const text of ['{"a:b":"c:d","e":{"f":"g:h:i"},"l":[":",{"m":"::"}]}', '{"q":"say \\":\\" ok","r":"\\\\:"}', '{"\\u003a":":","x":"\\u003a:"}']) {
      expect(jsonValueProblem(JSON.parse(text), text)).toBeUndefined();
    }
    const twice: [string, string][] = [
      ['{"a":"x:y","a":"z"}', '/a'],
      ['{"a":{"b":"1:2"},"c":[{"d":":","d":"::"}]}', '/c/0/d'],
      ['{"k:":1,"k:":1}', '/k:'],
      ['{"a":"\\u003a","a":1}', '/a'],
      ['{"e":"\\u00e9:","n":{"m":1,"m":":"}}', '/n/m'],
    ];
    for (const [text, pointer] of twice) expect(jsonValueProblem(JSON.parse(text), text)).toMatchObject({ pointer });
  });

  it('finds NUL and lone surrogates given the text, whether escaped or raw, in strings and member names', () => {
    const cases: [string, string][] = [
      ['{"a":["ok","x\\u0000"]}', '/a/1'],
      ['{"k\\ud800":1}', '/k\ud800'],
      ['{"a":"\\uDFFF"}', '/a'],
      ['{"a":"raw \udc00"}', '/a'],
      ['{"raw \ud800":1}', '/raw \ud800'],
    ];
    for (const [text, pointer] of cases) expect(jsonValueProblem(JSON.parse(text), text)?.pointer).toBe(pointer);
    for (const text of ['{"path":"C:\\\\users","pair":"\\ud83d\\ude00","e":"\\u00e9"}', '{"a":"😀 é","b":1}']) {
      expect(jsonValueProblem(JSON.parse(text), text)).toBeUndefined();
    }
  });
});

describe('tooDeepOffset', () => {
  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(tooDeepOffset(`["\\"${'['.repeat(200)}"]`)).toBe(-1);
  });

  it('names the bracket that opens one level too many', () => {
    expect(tooDeepOffset('['.repeat(MAX_JSON_DEPTH + 1))).toBe(-1);
    expect(tooDeepOffset('['.repeat(MAX_JSON_DEPTH + 2))).toBe(MAX_JSON_DEPTH + 1);
  });
});

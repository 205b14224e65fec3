import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createAjv } from '../schema/validate-pack.js';
import { isIsoDate } from '../dates/iso-date.js';
import { readPackSource } from '../source/load-pack-source.js';
import { compilePack } from '../compile/compile-pack.js';
import { randomAssessment, seededRandom } from '../reference/random-assessment.js';
import { assessmentSchema } from './assessment-schema.js';
import { quickValidity } from './facts-validity.js';

/** ajv as the assessment check makes it for facts: the answer `quickValidity` must not contradict. */
function ajvValidity(schema: Record<string, unknown>): (v: unknown) => boolean {
  const ajv = createAjv();
  Object.assign(ajv.opts, { allErrors: false, verbose: false });
  ajv.addFormat('date', { type: 'string', validate: isIsoDate });
  const validate = ajv.compile(schema);
  return (v) => validate(v);
}

/** Facts with one thing changed, to be refused (or not) alike. */
function variants(facts: Record<string, unknown>, r: () => number): unknown[] {
  const keys = Object.keys(facts);
  const k = keys[Math.floor(r() * keys.length)]!;
  return [
    facts,
    { ...facts, [k]: 'not a value' },
    { ...facts, [k]: 12.5 },
    { ...facts, [k]: -3 },
    { ...facts, [k]: null },
    { ...facts, [k]: '2025-02-30' },
    { ...facts, [k]: true },
    { ...facts, [k]: { nested: 1 } },
    { ...facts, unknownFact: 1 },
    Object.fromEntries(keys.filter((x) => x !== k).map((x) => [x, facts[x]])),
    [],
    'facts',
  ];
}

describe('quickValidity: whether facts are valid, as ajv says', () => {
  for (const slug of ['birmingham', 'bolton', 'herefordshire']) {
    it(`agrees with ajv on ${slug}'s facts schema, on random facts and facts with one thing wrong`, () => {
      const c = compilePack(readPackSource(fileURLToPath(new URL(`../../../councils-${slug}/pack`, import.meta.url))));
      const schema = (assessmentSchema(c.index) as { properties: { facts: Record<string, unknown> } }).properties.facts;
      const quick = quickValidity(schema);
      expect(quick, 'the pack\'s facts schema is one plain code answers').toBeDefined();
      const ajv = ajvValidity(schema);
      const r = seededRandom(5);
      let valid = 0;
      let invalid = 0;
      for (let i = 0; i < 300; i++) {
        for (const v of variants(randomAssessment(c, r).facts ?? {}, r)) {
          const want = ajv(v);
          expect(quick!(v), JSON.stringify(v)).toBe(want);
          if (want) valid++; else invalid++;
        }
      }
      expect(valid).toBeGreaterThan(100);
      expect(invalid).toBeGreaterThan(100);
    });
  }

  it('answers each keyword as ajv does', () => {
    const schema = {
      type: 'object', required: ['a'], additionalProperties: false,
      properties: {
        a: { type: 'integer', minimum: 1, maximum: 3 }, b: { type: ['string', 'null'], enum: ['x', 'y', null] }, c: { const: 'Gold' },
        d: { type: 'string', format: 'date' }, e: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 }, f: { type: 'boolean' },
        t: { type: 'string', minLength: 2, maxLength: 3 },
      },
      allOf: [{ if: { properties: { f: { const: true } }, required: ['f'] }, then: { properties: { c: {} }, required: ['c'] }, else: { properties: { c: false } } }],
    };
    const quick = quickValidity(schema)!;
    const ajv = ajvValidity(schema);
    const values: unknown[] = [
      { a: 1 }, { a: 0 }, { a: 3.5 }, { a: 2, b: 'x' }, { a: 2, b: 'z' }, { a: 2, b: null }, { a: 2, f: true }, { a: 2, f: true, c: 'Gold' },
      { a: 2, f: false, c: 'Gold' }, { a: 2, d: '2024-02-29' }, { a: 2, d: '2023-02-29' }, { a: 2, d: 5 }, { a: 2, e: 0.5 }, { a: 2, e: 1 },
      { a: 2, e: 0 }, { a: 2, e: Infinity }, { a: NaN }, { a: 2, g: 1 }, {}, null, [], { a: 2, f: 'yes' },
      { a: 2, t: 'x' }, { a: 2, t: 'xy' }, { a: 2, t: 'xyzw' }, { a: 2, t: '😀' }, { a: 2, t: '😀😀' }, { a: 2, t: '😀😀😀😀' }, { a: 2, t: '😀😀😀' },
    ];
    for (const v of values) expect(quick(v), JSON.stringify(v)).toBe(ajv(v));
    expect(values.filter((v) => ajv(v)).length).toBeGreaterThan(8);
    // An object of another prototype is left to ajv (false: ask ajv), which reads its inherited members.
    const inherited = Object.create({ a: 2 }) as object;
    expect(ajv(inherited)).toBe(true);
    expect(quick(inherited)).toBe(false);
  });

  it('leaves to ajv a schema with any other keyword, or a fact named as every object\'s property', () => {
    expect(quickValidity({ type: 'object', properties: { a: { type: 'string', pattern: '^x' } } })).toBeUndefined();
    expect(quickValidity({ type: 'object', anyOf: [{ required: ['a'] }] })).toBeUndefined();
    expect(quickValidity({ type: 'object', properties: { a: { format: 'email' } } })).toBeUndefined();
    expect(quickValidity({ type: 'object', properties: { toString: { type: 'string' } } })).toBeUndefined();
    expect(quickValidity({ type: 'object', additionalProperties: { type: 'string' } })).toBeUndefined();
  });
});

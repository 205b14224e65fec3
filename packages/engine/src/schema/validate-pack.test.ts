import { describe, expect, it } from 'vitest';
import { examplePack } from '../fixtures/example-pack.js';
import type { Pack } from '../types.js';
import { validatePack } from './validate-pack.js';
import { LIMITS } from './limits.js';

const clone = (): Pack => structuredClone(examplePack());

describe('validatePack', () => {
  it('accepts the example pack with no errors', () => {
    const r = validatePack(examplePack());
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
    expect(r.pack?.metadata.id).toBe('example');
  });

  it('reports malformed JSON with its line and column', () => {
    const r = validatePack('{\n  "metadata": {\n    "id": "x",\n  }\n}');
    expect(r.valid).toBe(false);
    expect(r.errors[0]).toMatchObject({ code: 'json.syntax', line: 4, column: 3 });
    expect(r.errors[0]!.message).toMatch(/line 4, column 3/);
  });

  it('refuses __proto__ and constructor keys wherever they are, naming the pointer', () => {
    const text = JSON.stringify(examplePack()).replace('"statementLate":{', '"statementLate":{"__proto__":{"polluted":true},');
    const r = validatePack(text);
    expect(r.valid).toBe(false);
    expect(r.errors).toContainEqual(expect.objectContaining({ code: 'key.forbidden', pointer: '/inputs/properties/statementLate/__proto__' }));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('takes which end of a value scale is better, and values that are no band, only on a value scale and only of its values', () => {
    const p = clone();
    Object.assign(p.scales.band!, { better: 'first', unrated: ['Inadequate'] });
    expect(validatePack(p).errors).toEqual([]);
    const off = clone();
    Object.assign(off.scales.band!, { unrated: ['Unknown'] });
    expect(validatePack(off).errors).toContainEqual(expect.objectContaining({ pointer: '/scales/band/unrated/0', message: '"Unknown" is not a value of scale "band".' }));
    const sideways = clone();
    Object.assign(sideways.scales.band!, { better: 'top' });
    expect(validatePack(sideways).valid).toBe(false);
    const numeric = clone();
    Object.assign(numeric.scales.score!, { better: 'first' });
    expect(validatePack(numeric).valid).toBe(false);
  });

  it('refuses nesting deeper than the named limit', () => {
    let cond: unknown = { fact: 'statementLate', operator: 'equal', value: true };
    for (let i = 0; i < LIMITS.maxDepth + 2; i++) cond = { not: cond };
    const p = clone();
    p.decisions.overallRating!.rules![0]!.when = cond as never;
    const r = validatePack(p);
    expect(r.errors.map((e) => e.code)).toContain('limit.depth');
  });

  it('names unknown properties and missing required ones by JSON pointer', () => {
    const p = clone() as unknown as Record<string, Record<string, unknown>>;
    delete p.metadata!.version;
    p.outcomes!.headlin = 'x';
    const r = validatePack(p);
    expect(r.errors).toContainEqual(expect.objectContaining({ pointer: '/metadata', message: 'Missing required property "version".' }));
    expect(r.errors).toContainEqual(expect.objectContaining({ pointer: '/outcomes', message: 'Unknown property "headlin".' }));
  });

  it('folds an invalid condition into one error at its place with a hint', () => {
    const p = clone();
    p.decisions.overallRating!.rules![0]!.when = { fact: 'statementLate', operator: 'equal' } as never;
    const r = validatePack(p);
    const at = r.errors.filter((e) => e.pointer === '/decisions/overallRating/rules/0/when');
    expect(at).toHaveLength(1);
    expect(at[0]!.message).toMatch(/Not a valid condition/);
    expect(at[0]!.hint).toMatch(/fact/);
  });

  it('reports every meaning problem at once: unknown fact, output off the scale, bad citation, unknown interpretation', () => {
    const p = clone();
    const rules = p.decisions.overallRating!.rules!;
    rules[0]!.when = { fact: 'statmentLate', operator: 'equal', value: true };
    rules[0]!.output = 'Platinum';
    rules[0]!.source = { doc: 'guide', section: '99' };
    rules[0]!.interpretation = 'nope';
    const r = validatePack(p);
    const byPointer = Object.fromEntries(r.errors.map((e) => [e.pointer, e]));
    expect(byPointer['/decisions/overallRating/rules/0/when/fact']?.message).toBe('Unknown fact "statmentLate".');
    expect(byPointer['/decisions/overallRating/rules/0/output']?.message).toMatch(/"Platinum" is not on the scale "band"/);
    expect(byPointer['/decisions/overallRating/rules/0/source']?.message).toMatch(/section "99"/);
    expect(byPointer['/decisions/overallRating/rules/0/interpretation']?.message).toMatch(/"nope" is not declared/);
  });

  it('requires mappings to be total', () => {
    const p = clone();
    delete p.mappings!.regulatorToBand!.table.Good;
    const r = validatePack(p);
    expect(r.errors).toContainEqual(expect.objectContaining({ pointer: '/mappings/regulatorToBand/table', message: expect.stringMatching(/"Good".*no entry/) }));
  });

  it('finds cycles between decisions', () => {
    const p = clone();
    p.decisions.visitBand!.rules![0]!.when = { fact: 'overallRating', operator: 'equal', value: 'Gold' };
    const r = validatePack(p);
    expect(r.errors.some((e) => e.code === 'cycle' && /visitBand|overallRating/.test(e.message))).toBe(true);
  });

  it('checks scale operator values are on the fact\'s scale', () => {
    const p = clone();
    p.outcomes.actions![0]!.when = { fact: 'overallRating', operator: 'atMost', value: 'Bronz' };
    const r = validatePack(p);
    expect(r.errors).toContainEqual(expect.objectContaining({ pointer: '/outcomes/actions/0/when/value', message: expect.stringMatching(/"Bronz" is not a value of scale "band"/) }));
  });

  it('checks cases only use known facts, criteria, decisions and actions', () => {
    const p = clone();
    p.cases!.push({ id: 'bad', note: 'bad', input: { date: '2025-01-01', facts: { nope: 1 }, judgements: { 'x-1': 'Fully met' } }, want: { decisions: { nothing: 'Gold' }, actions: ['no-such-action'], noSchedule: ['no-such-visit'] } });
    const r = validatePack(p);
    expect(r.errors).toContainEqual(expect.objectContaining({ pointer: '/cases/2/want/noSchedule/0', message: 'Case "bad" expects unknown schedule entry "no-such-visit".' }));
    const messages = r.errors.map((e) => e.message).join('\n');
    expect(messages).toMatch(/uses fact "nope"/);
    expect(messages).toMatch(/unknown criterion "x-1"/);
    expect(messages).toMatch(/unknown decision "nothing"/);
    expect(messages).toMatch(/unknown action "no-such-action"/);
  });

  it('warns about an interpretation nothing references, without failing', () => {
    const p = clone();
    p.interpretations!.orphan = { title: 'Orphan', note: 'Not used' };
    const r = validatePack(p);
    expect(r.valid).toBe(true);
    expect(r.warnings.map((w) => w.pointer)).toEqual(['/interpretations/orphan']);
  });

  it('refuses a pack over the size limit', () => {
    const r = validatePack(' '.repeat(LIMITS.maxPackBytes + 1));
    expect(r.errors[0]!.code).toBe('limit.size');
  });
});

describe('validatePack: domain parameters compared with counts', () => {
  it('refuses a parameter that is negative, fractional, text or more than the criteria counted', () => {
    for (const bad of [-1, 12.5, 'abc', 16]) {
      const p = clone();
      p.framework!.domains[2]!.parameters!.silverMinFullyMet = bad as number;
      const r = validatePack(p);
      expect(r.errors).toContainEqual(expect.objectContaining({
        pointer: '/framework/domains/2/parameters/silverMinFullyMet',
        message: expect.stringMatching(/compared with a count of 15 criteria/),
        hint: 'Use a whole number from 0 to 15.',
      }));
    }
  });
  it('accepts the bounds themselves', () => {
    for (const ok of [0, 15]) {
      const p = clone();
      p.framework!.domains[2]!.parameters!.silverMinFullyMet = ok;
      expect(validatePack(p).errors).toEqual([]);
    }
  });
});

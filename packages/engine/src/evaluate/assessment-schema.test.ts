import { describe, expect, it } from 'vitest';
import { compilePack } from '../compile/compile-pack.js';
import { createAjv } from '../schema/validate-pack.js';
import { humanDecisionPack } from '../fixtures/human-decision-pack.js';
import { assessmentSchema } from './assessment-schema.js';

/** The schema of an assessment under one pack: the published assessment shape, narrowed to the pack. */
describe('assessmentSchema', () => {
  const compiled = compilePack(humanDecisionPack());
  const schema = assessmentSchema(compiled.index);
  const valid = createAjv().compile(schema);
  const base = { date: '2026-03-02', facts: { concerns: 4, score: 70 } };

  it('has the published shape\'s members and descriptions (date, judgements, facts, decisions)', () => {
    expect(Object.keys(schema.properties as object)).toEqual(['date', 'judgements', 'facts', 'decisions']);
    expect(schema.additionalProperties).toBe(false);
    expect(JSON.stringify(schema)).toContain('The date of the assessment (visit)');
  });

  it('takes a recorded decision of a decision a person takes, with a value of its scale', () => {
    expect(valid({ ...base, decisions: { level: { value: 'Level 2', by: 'Panel chair', at: '2026-03-09' } } })).toBe(true);
  });

  it('refuses a recorded decision of a decision no person takes, a value off its scale, and one without who decided', () => {
    expect(valid({ ...base, decisions: { response: { value: 'Routine monitoring', by: 'A', at: '2026-03-09' } } })).toBe(false);
    expect(valid({ ...base, decisions: { level: { value: 'Level 9', by: 'A', at: '2026-03-09' } } })).toBe(false);
    expect(valid({ ...base, decisions: { level: { value: 'Level 2', at: '2026-03-09' } } })).toBe(false);
    expect(valid.errors?.[0]).toMatchObject({ instancePath: '/decisions/level', params: { missingProperty: 'by' } });
  });

  it('refuses an unknown member of the assessment, naming it', () => {
    expect(valid({ ...base, note: 'x' })).toBe(false);
    expect(valid.errors?.[0]).toMatchObject({ keyword: 'additionalProperties', params: { additionalProperty: 'note' } });
  });
});

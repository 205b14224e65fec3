import { describe, expect, it } from 'vitest';
import { parseJson } from './parse-json.js';

describe('parseJson', () => {
  it('refuses a member name given twice in one object, naming it, its pointer, line and column', () => {
    const r = parseJson('{\n  "metadata": {\n    "id": "dup",\n    "id": "herefordshire"\n  }\n}', 'pack');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([expect.objectContaining({ code: 'json.duplicate-member', pointer: '/metadata/id', line: 4, column: 5 })]);
    expect(!r.ok && r.errors[0]!.message).toContain('"id" is given twice');
  });

  it('accepts the same name in different objects', () => {
    const r = parseJson('{"a": {"id": 1}, "b": {"id": 2}, "c": [{"id": 3}, {"id": 4}]}');
    expect(r).toEqual({ ok: true, value: { a: { id: 1 }, b: { id: 2 }, c: [{ id: 3 }, { id: 4 }] } });
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pack } from './index.js';

/**
 * docs/councils/bolton.md "Document coverage" is the written record of the audit of the pack
 * against the guidance: every id it names (rule, decision, parameter, interpretation, action,
 * schedule entry, warning, input or case) must exist, so the record cannot drift from the pack.
 */
const doc = readFileSync(new URL('../../../docs/councils/bolton.md', import.meta.url), 'utf8');
const section = doc.slice(doc.indexOf('## Document coverage'), doc.indexOf('\n## ', doc.indexOf('## Document coverage') + 1));
const named = [...section.matchAll(/`([^`]+)`/g)].map((m) => m[1]!).filter((id) => !/[/<. ]/.test(id));

const known = new Set<string>([
  ...Object.keys(pack.decisions),
  ...Object.values(pack.decisions).flatMap((d) => (d.rules ?? []).map((r) => r.id)),
  ...Object.keys(pack.parameters ?? {}),
  ...Object.keys(pack.mappings ?? {}),
  ...Object.keys(pack.interpretations ?? {}),
  ...(pack.outcomes.actions ?? []).map((a) => a.id),
  ...(pack.outcomes.schedule ?? []).map((s) => s.id),
  ...(pack.outcomes.warnings ?? []).map((w) => w.id),
  ...Object.keys((pack.inputs as { properties?: object }).properties ?? {}),
  ...(pack.cases ?? []).map((c) => c.id),
  'decidedBy', 'framework',
]);

describe('the Document coverage record of the Bolton guidance', () => {
  it('names ids, and only ids the pack and its cases have', () => {
    expect(named.length).toBeGreaterThan(100);
    expect(named.filter((id) => !known.has(id))).toEqual([]);
  });
});

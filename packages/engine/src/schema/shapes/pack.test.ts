import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createAjv } from '../validate-pack.js';
import { packSchema } from '../pack-schema.js';
import { examplePack } from '../../fixtures/example-pack.js';
import { SCHEDULE_FORMS } from '../../language/registry.js';
import { SCHEDULE_FORM_SCHEMAS } from './schedule-entry.js';

/**
 * The pack's TypeScript types and its JSON Schema come from the same TypeBox declarations
 * (`schema/shapes/`); these tests hold them in agreement: each council pack is accepted by the
 * published schema AND typechecks as `Pack`, and packs the schema refuses for a reason the types
 * can state are refused by the type checker too.
 */

const here = fileURLToPath(new URL('.', import.meta.url));
const councilPack = (slug: string): unknown => JSON.parse(readFileSync(fileURLToPath(new URL(`../../../../councils-${slug}/pack/pack.json`, import.meta.url)), 'utf8'));
const COUNCILS = ['birmingham', 'bolton', 'herefordshire'];

/** Typechecks each pack as a `const p: Pack = <pack>` literal; returns the type errors of each, by name. */
function typeErrors(packs: Record<string, unknown>): Record<string, string[]> {
  const files = new Map(Object.entries(packs).map(([name, p]) => [
    `${here}__typecheck_${name}.ts`,
    `import type { Pack } from '../../types.js';\nexport const p: Pack = ${JSON.stringify(p, null, 1)};\n`,
  ]));
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true, noEmit: true, skipLibCheck: true, types: [],
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => files.has(f) || fileExists.call(host, f);
  host.readFile = (f) => files.get(f) ?? readFile.call(host, f);
  host.getSourceFile = (f, lang, ...rest) => files.has(f) ? ts.createSourceFile(f, files.get(f)!, lang) : getSourceFile.call(host, f, lang, ...rest);
  const program = ts.createProgram([...files.keys()], options, host);
  return Object.fromEntries([...files.keys()].map((f, i) => [Object.keys(packs)[i]!,
    program.getSemanticDiagnostics(program.getSourceFile(f)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '))]));
}

type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const mutant = (change: (p: Mutable) => void): unknown => { const p = structuredClone(examplePack()) as unknown as Mutable; change(p); return p; };

/** Changes the schema refuses and the types can state: each must be refused by both. */
const MUTANTS: Record<string, unknown> = {
  unknownHitPolicy: mutant((p) => { Object.values<Mutable>(p.decisions)[0]!.hitPolicy = 'sometimes'; }),
  ruleWithoutSource: mutant((p) => { const d = Object.values<Mutable>(p.decisions).find((x) => x.rules?.length)!; delete d.rules[0].source; }),
  citationWithUnknownKey: mutant((p) => { const d = Object.values<Mutable>(p.decisions).find((x) => x.rules?.length)!; d.rules[0].source.page = 4; }),
  // (A condition with both `all` and `any` is refused by the schema only: TypeScript's excess-property check is lax across a union's members.)
  conditionAllNotAList: mutant((p) => { const d = Object.values<Mutable>(p.decisions).find((x) => x.rules?.length)!; d.rules[0].when = { all: { fact: 'x', operator: 'equal', value: 1 } }; }),
  criterionWithoutTitle: mutant((p) => { delete p.framework.domains[0].standards[0].criteria[0].title; }),
  numericScaleMaxAsText: mutant((p) => { p.scales.extra = { label: 'Extra', numeric: { min: 0, max: 'ten' } }; }),
  actionDueInWords: mutant((p) => { p.outcomes.actions = [{ id: 'a', label: 'A', owner: 'o', when: { all: [] }, source: { doc: 'x', section: '1' }, due: { days: 'soon' } }]; }),
  caseWantsUnknownKey: mutant((p) => { p.cases = [{ id: 'c', note: 'n', input: { date: '2025-01-01' }, want: { headlines: 'Good' } }]; }),
  metadataWithoutVersion: mutant((p) => { delete p.metadata.version; }),
  outcomesWithoutHeadline: mutant((p) => { delete p.outcomes.headline; }),
};

describe('the pack types and the pack schema come from one declaration', () => {
  const check = createAjv().compile(packSchema);
  const packs: Record<string, unknown> = { example: examplePack(), ...Object.fromEntries(COUNCILS.map((c) => [c, councilPack(c)])) };
  const errors = typeErrors({ ...packs, ...MUTANTS });

  for (const [name, pack] of Object.entries(packs)) {
    it(`accepts the ${name} pack and typechecks it as Pack`, () => {
      expect(check(pack), JSON.stringify(check.errors)).toBe(true);
      expect(errors[name]).toEqual([]);
    });
  }

  for (const [name, pack] of Object.entries(MUTANTS)) {
    it(`refuses the mutant "${name}" in the schema and in the types`, () => {
      expect(check(pack)).toBe(false);
      expect(errors[name]!.length).toBeGreaterThan(0);
    });
  }

  it('gives a schedule entry exactly the timing forms of the language registry', () => {
    expect(Object.keys(SCHEDULE_FORM_SCHEMAS)).toEqual(SCHEDULE_FORMS.map((f) => f.key));
    for (const f of SCHEDULE_FORMS) expect(JSON.stringify(SCHEDULE_FORM_SCHEMAS[f.key as keyof typeof SCHEDULE_FORM_SCHEMAS])).toBe(JSON.stringify(f.schema));
    const props = (packSchema.$defs.scheduleEntry as unknown as { properties: Record<string, unknown> }).properties;
    for (const f of SCHEDULE_FORMS) expect(props[f.key]).toBeDefined();
  });

  it('resolves every $ref to a $defs entry', () => {
    const refs = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { if (k === '$ref' && typeof x === 'string') refs.add(x); else walk(x); }
    };
    walk(packSchema);
    expect(refs.size).toBeGreaterThan(10);
    for (const r of refs) expect(Object.keys(packSchema.$defs)).toContain(r.replace('#/$defs/', ''));
  });
});

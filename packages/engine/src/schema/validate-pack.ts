import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { PackError } from '../errors.js';
import type { Extensions, Pack } from '../types.js';
import { LIMITS } from './limits.js';
import { checkLimits } from './check-limits.js';
import { meaningChecks } from './meaning-checks.js';
import { unusedParameters } from '../language/parameters/check-parameters.js';
import { meaningChecksAlongsideSchema } from './meaning-checks-alongside-schema.js';
import { packSchema } from './pack-schema.js';
import { checkStructure, parseJson } from './parse-json.js';

/** The outcome of validating a pack: every error at once, and the pack when valid. */
export interface ValidationResult {
  valid: boolean;
  errors: PackError[];
  /** Advice that does not make the pack invalid (e.g. an interpretation no rule uses). */
  warnings: PackError[];
  pack?: Pack;
}

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => void;

let schemaValidator: ValidateFunction | undefined;

/** A draft 2020-12 ajv instance that knows OpenQAF's `x-` annotation keywords. */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
  addFormats(ajv);
  for (const k of ['x-scale', 'x-source', 'x-label']) ajv.addKeyword({ keyword: k, schemaType: ['string', 'object'] });
  return ajv;
}

function validator(): ValidateFunction {
  schemaValidator ??= createAjv().compile(packSchema);
  return schemaValidator;
}

/** Plain words for one ajv error. */
function describeAjvError(e: ErrorObject): { message: string; hint?: string } {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': return { message: `Missing required property "${String(p.missingProperty)}".`, hint: `Add "${String(p.missingProperty)}" here (see docs/pack-schema-reference.md).` };
    case 'additionalProperties': return { message: `Unknown property "${String(p.additionalProperty)}".`, hint: 'Check the spelling against docs/pack-format.md, or remove it.' };
    case 'type': return { message: `Must be ${String(p.type)}.`, hint: `Write the value as ${String(p.type) === 'object' ? 'an object { ... }' : String(p.type) === 'array' ? 'a list [ ... ]' : `a ${String(p.type)}`}.` };
    case 'enum': return { message: `Must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`, hint: 'Use one of the listed values exactly (case matters).' };
    case 'const': return { message: `Must be ${JSON.stringify(p.allowedValue)}.`, hint: `Write ${JSON.stringify(p.allowedValue)}.` };
    case 'pattern': return { message: `Does not have the expected form (${String(p.pattern)}).`, hint: /\\d\{4\}/.test(String(p.pattern)) ? 'Dates are written YYYY-MM-DD.' : 'Ids use letters, digits, dots, dashes and underscores; versions are like 1.2.0.' };
    case 'format': return { message: `Must be a valid ${String(p.format)}.`, hint: p.format === 'date' ? 'Dates are written YYYY-MM-DD.' : undefined };
    case 'minItems': return { message: `Must have at least ${String(p.limit)} item(s).`, hint: 'Add the missing item(s).' };
    case 'minProperties': return { message: `Must have at least ${String(p.limit)} entr${p.limit === 1 ? 'y' : 'ies'}.`, hint: 'Add the missing entries.' };
    case 'maxProperties': return { message: `Must have at most ${String(p.limit)} entr${p.limit === 1 ? 'y' : 'ies'}.`, hint: 'Give only one.' };
    case 'uniqueItems': return { message: `Items ${String(p.j)} and ${String(p.i)} are the same; items must be unique.`, hint: 'Remove the repeated item.' };
    case 'minimum': return { message: `Must be at least ${String(p.limit)}.` };
    default: return { message: e.message ?? e.keyword };
  }
}

/**
 * Turns ajv's errors into pack errors. Branch errors under a failed `oneOf`/`anyOf` are folded
 * into one message for that place, so an invalid condition is one error, not twelve.
 */
function foldAjvErrors(errors: ErrorObject[]): PackError[] {
  const unions = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  const out: PackError[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    // An `if` failing says only that its `then` failed; the `then`'s own error says what is wrong.
    if (e.keyword === 'if') continue;
    const union = unions.find((u) => u !== e && e.schemaPath.startsWith(`${u.schemaPath}/`) && e.instancePath.startsWith(u.instancePath));
    if (union) {
      // Keep a branch error only when it is deeper than the union itself and the union is a
      // scale/condition/expression choice whose branch was clearly meant (it has the key).
      continue;
    }
    let message: string;
    let hint: string | undefined;
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf') {
      const defs = packSchema.$defs as Record<string, unknown>;
      const what = Object.keys(defs).find((k) => defs[k] === e.parentSchema) ?? 'value';
      message = `Not a valid ${what}.`;
      hint = what === 'condition'
        ? 'A condition is {"all": [...]}, {"any": [...]}, {"not": {...}} or a leaf {"fact", "operator", "value"}.'
        : what === 'expression'
          ? 'An expression is a literal or one of {"fact"}, {"param"}, {"map", "of"}, {"mostRecent"}, {"max"}, {"min"}, {"sum"}, {"clamp"}, {"addDays"|"addMonths"|"addWorkingDays", "to"}, {"latestDate"}, {"nextWeekday", "onOrAfter"|"after"}.'
          : undefined;
      const branchDetail = branchErrors(e, errors);
      if (branchDetail) message += ` ${branchDetail}`;
    } else {
      ({ message, hint } = describeAjvError(e));
    }
    const key = `${e.instancePath}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ code: `schema.${e.keyword}`, pointer: e.instancePath, message, ...(hint ? { hint } : {}) });
  }
  return out;
}

/** For a failed union, the most useful branch error: from the branch that failed least (the one the author meant). */
function branchErrors(union: ErrorObject, all: ErrorObject[]): string | undefined {
  const inside = all.filter((x) => x !== union && x.schemaPath.startsWith(`${union.schemaPath}/`) && x.instancePath.startsWith(union.instancePath));
  const branches = new Map<string, ErrorObject[]>();
  for (const x of inside) {
    const b = x.schemaPath.slice(union.schemaPath.length + 1).split('/')[0]!;
    branches.set(b, [...(branches.get(b) ?? []), x]);
  }
  const best = [...branches.values()].sort((a, b) => a.length - b.length)[0];
  if (!best?.length || best.some((x) => x.keyword === 'type')) return undefined;
  const x = best[0]!;
  const rel = x.instancePath.slice(union.instancePath.length);
  return `${rel ? `At ${rel}: ` : ''}${describeAjvError(x).message}`;
}

/**
 * Validates a pack: JSON text or a parsed value. Checks the JSON Schema and the meaning checks
 * (those that can run on a pack the schema refuses: `meaning-checks-alongside-schema.ts`); returns every error at once, each with a JSON pointer, plain words and a hint.
 * @example
 * const { valid, errors } = validatePack(readFileSync('pack.json', 'utf8'));
 */
export function validatePack(input: unknown, opts: { extensions?: Extensions } = {}): ValidationResult {
  let value: unknown = input;
  if (typeof input === 'string') {
    const parsed = parseJson(input, 'pack');
    if (!parsed.ok) return { valid: false, errors: parsed.errors, warnings: [] };
    value = parsed.value;
  } else {
    const structural = checkStructure(input);
    if (structural.length) return { valid: false, errors: structural, warnings: [] };
    let size = 0;
    try { size = JSON.stringify(input)?.length ?? 0; } catch (err) {
      return { valid: false, errors: [{ code: 'json.value', pointer: '', message: `The pack is not JSON data: ${(err as Error).message}` }], warnings: [] };
    }
    if (size > LIMITS.maxPackBytes) return { valid: false, errors: [{ code: 'limit.size', pointer: '', message: `The pack is ${size} bytes; the limit is ${LIMITS.maxPackBytes}.` }], warnings: [] };
  }
  // The named limits first, before any expensive work: a pack over one is refused at once.
  const overLimits = checkLimits(value);
  if (overLimits.length) return { valid: false, errors: overLimits, warnings: [] };
  const available = {
    operators: Object.keys(opts.extensions?.operators ?? {}),
    facts: Object.keys(opts.extensions?.facts ?? {}),
    ...(opts.extensions?.declarations ? { declarations: opts.extensions.declarations } : {}),
    ...(opts.extensions?.operatorDeclarations ? { operatorDeclarations: opts.extensions.operatorDeclarations } : {}),
  };
  const v = validator();
  if (!v(value)) {
    // Schema errors and meaning errors in one list: the meaning checks that can run on the broken pack run.
    const schemaErrors = foldAjvErrors(v.errors ?? []);
    return { valid: false, errors: [...schemaErrors, ...meaningChecksAlongsideSchema(value, schemaErrors, available)], warnings: [] };
  }
  const pack = value as Pack;
  const errors = meaningChecks(pack, available);
  const warnings = [...unusedInterpretations(pack), ...unusedParameters(pack)];
  return errors.length ? { valid: false, errors, warnings } : { valid: true, errors: [], warnings, pack };
}

function unusedInterpretations(pack: Pack): PackError[] {
  const used = new Set<string>();
  const text = JSON.stringify([pack.decisions, pack.outcomes, pack.framework ?? null, pack.parameters ?? null]);
  for (const m of text.matchAll(/"interpretation":"([^"]+)"/g)) used.add(m[1]!);
  for (const id of pack.framework?.interpretations ?? []) used.add(id);
  return Object.keys(pack.interpretations ?? {}).filter((id) => !used.has(id)).map((id) => ({
    code: 'interpretation.unused', pointer: `/interpretations/${id}`,
    message: `Interpretation "${id}" is not referenced by any rule, fallback, action, schedule entry or score.`,
    hint: 'Reference it where the pack relies on it, so determinations list it.',
  }));
}

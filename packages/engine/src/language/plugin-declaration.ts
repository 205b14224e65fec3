/**
 * What a plugin fact declares: the inputs and decisions it reads and the values it can return,
 * so the decision graph orders it, the validator checks its uses, evaluation holds it to what
 * it declared and the analyser varies it like a built-in. A plugin declares its facts in
 * `CouncilPlugin.extensions.declarations`; a pack may declare (or redeclare) them in
 * `extensions.declarations`. A plugin fact with no declaration works as before.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { Domain, Extensions, Pack } from '../types.js';
import { canonicalJson } from '../canonical-json.js';
import { EvaluationError, ExpressionError } from '../errors.js';
import { escapePointer } from '../schema/parse-json.js';
import { placeRangeWords, type ParameterUse } from './parameters/parameter-use.js';
import { ownMember } from '../compile/own-member.js';

/** What a plugin fact's parameter takes when it is a number: its type, unit and bounds. */
export const PluginParamSchema = Type.Object({
  type: Type.Union([Type.Literal('integer'), Type.Literal('number')], { description: '`integer` (a whole number) or `number`.' }),
  unit: Type.Optional(Type.String({ minLength: 1, description: 'Its unit in words ("months", "days", "percent"): a declared parameter given here must be in it.' })),
  minimum: Type.Optional(Type.Number()),
  maximum: Type.Optional(Type.Number()),
}, { additionalProperties: false, description: 'A numeric parameter of a plugin fact: a written number or a declared parameter (`{ "param": name }`) given there is held to its type, unit and bounds.' });

/** What a plugin fact's numeric parameter takes. */
export type PluginParam = Static<typeof PluginParamSchema>;

/** `{ "reads"?: { "inputs"?: [...], "decisions"?: [...] }, "returns"?: { ... }, "params"?: { name: { "type", "unit"?, "minimum"?, "maximum"? } } }`. */
export const PluginDeclarationSchema = Type.Object({
  reads: Type.Optional(Type.Object({
    inputs: Type.Optional(Type.Array(Type.String(), { description: 'Input facts it reads.' })),
    decisions: Type.Optional(Type.Array(Type.String(), { description: 'Decisions it reads (a per-domain decision by its id: every domain\'s instance).' })),
  }, { additionalProperties: false })),
  returns: Type.Optional(Type.Object({
    type: Type.Optional(Type.Union([Type.Literal('string'), Type.Literal('number'), Type.Literal('integer'), Type.Literal('boolean')])),
    enum: Type.Optional(Type.Array(Type.Union([Type.String(), Type.Number(), Type.Boolean()]), { minItems: 1 })),
    scale: Type.Optional(Type.String({ description: 'Its values are the values of this ordered scale.' })),
    minimum: Type.Optional(Type.Number()),
    maximum: Type.Optional(Type.Number()),
  }, { additionalProperties: false })),
  params: Type.Optional(Type.Record(Type.String(), PluginParamSchema, { description: 'Its numeric parameters by name: what a number (written, or a declared parameter) given there must be.' })),
}, { additionalProperties: false, description: 'What a plugin fact reads, the values it can return, and the numbers its parameters take.' });

/** What a plugin fact reads and returns. */
export type PluginDeclaration = Static<typeof PluginDeclarationSchema>;

/** Every plugin fact's declaration: the pack's, else the plugin's. */
export function pluginDeclarations(pack: Pack, extensions: Extensions | undefined): Map<string, PluginDeclaration> {
  const out = new Map<string, PluginDeclaration>(Object.entries(extensions?.declarations ?? {}));
  for (const [name, d] of Object.entries(pack.extensions?.declarations ?? {})) out.set(name, d);
  return out;
}

/**
 * A plugin fact's parameters with `$domain` resolved to the current domain's id and `{ "param": name }`
 * to its value: the domain's, else the pack-wide `value` of the declared parameter (`parameters`).
 */
export function resolvePluginParams(params: Record<string, unknown> | undefined, domain: Domain | undefined, declared?: Pack['parameters']): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    if (v === '$domain') out[k] = domain?.id;
    else if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { param?: unknown }).param === 'string') { const name = (v as { param: string }).param; out[k] = ownMember(domain?.parameters, name) ?? ownMember(declared, name)?.value; }
    else out[k] = v;
  }
  return out;
}

/** The name the analyser and the compiled fact share for one reading of a plugin fact (its resolved parameters told apart). */
export function pluginReadKey(fact: string, resolved: Record<string, unknown>): string {
  return Object.keys(resolved).length ? `${fact} ${canonicalJson(resolved)}` : fact;
}

/**
 * The facts a plugin fact is given, held to its declaration: reading an input or a decision it
 * did not declare is an evaluation error naming both. `decisionOf` names the decision a key is
 * an instance of; `inputs` are the pack's input names.
 */
export function guardedFacts(fact: string, decl: PluginDeclaration, view: Readonly<Record<string, unknown>>, decisionOf: (key: string) => string | undefined, inputs: ReadonlySet<string>, where: string): Readonly<Record<string, unknown>> {
  const decisions = new Set(decl.reads?.decisions ?? []);
  const declaredInputs = decl.reads?.inputs ? new Set(decl.reads.inputs) : undefined;
  return new Proxy(view, {
    get(target, key, receiver) {
      if (typeof key === 'string') {
        const d = decisionOf(key);
        if (d !== undefined && !decisions.has(d)) throw new EvaluationError(where, `plugin fact "${fact}" read decision "${key}", which it does not declare (reads.decisions: ${[...decisions].join(', ') || 'none'}).`);
        if (d === undefined && declaredInputs && inputs.has(key) && !declaredInputs.has(key)) throw new EvaluationError(where, `plugin fact "${fact}" read input "${key}", which it does not declare (reads.inputs: ${[...declaredInputs].join(', ') || 'none'}).`);
      }
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

/** The use a declared parameter given as a plugin fact's parameter is held to (`parameters/parameter-use.ts`). */
export function pluginParamUse(fact: string, param: string, p: PluginParam): ParameterUse {
  return {
    what: `parameter "${param}" of plugin fact "${fact}"`, type: p.type,
    ...(p.unit !== undefined ? { units: [p.unit.trim().toLowerCase()] } : {}),
    ...(p.minimum !== undefined ? { min: p.minimum } : {}),
    ...(p.maximum !== undefined ? { max: p.maximum } : {}),
  };
}

/** Why a written value does not fit a plugin fact's numeric parameter, in words, or undefined when it fits. */
export function pluginParamValueProblem(fact: string, param: string, p: PluginParam, v: unknown): string | undefined {
  const fits = typeof v === 'number' && Number.isFinite(v) && (p.type === 'number' || Number.isInteger(v))
    && (p.minimum === undefined || v >= p.minimum) && (p.maximum === undefined || v <= p.maximum);
  if (fits) return undefined;
  const range = placeRangeWords({ ...(p.minimum !== undefined ? { min: p.minimum } : {}), ...(p.maximum !== undefined ? { max: p.maximum } : {}) });
  return `Plugin fact "${fact}" takes ${p.type === 'integer' ? 'a whole number' : 'a number'}${range ? ` ${range}` : ''} as "${param}", not ${JSON.stringify(v)}.`;
}

/** What the declarations' meaning check can use. */
export interface PluginDeclarationCheckContext {
  pack: Pack;
  /** Plugin fact names the pack may use (its `extensions.facts` and the plugin's). */
  facts: ReadonlySet<string>;
  err: (pointer: string, message: string, hint?: string) => void;
}

/** Checks the pack's declarations: each names a plugin fact, reads known inputs and decisions, returns on a known ordered scale. */
export function checkPluginDeclarations(declarations: Record<string, PluginDeclaration>, ctx: PluginDeclarationCheckContext): void {
  const { pack } = ctx;
  for (const [name, d] of Object.entries(declarations)) {
    const p = `/extensions/declarations/${escapePointer(name)}`;
    if (!ctx.facts.has(name)) ctx.err(p, `"${name}" is declared but is not a plugin fact the pack uses.`, 'Name it in extensions.facts.');
    (d.reads?.inputs ?? []).forEach((x, i) => {
      if (!Object.hasOwn(pack.inputs.properties, x)) ctx.err(`${p}/reads/inputs/${i}`, `Plugin fact "${name}" reads input "${x}", which is not among the pack's inputs.`, `Inputs: ${Object.keys(pack.inputs.properties).join(', ') || 'none'}.`);
    });
    (d.reads?.decisions ?? []).forEach((x, i) => {
      if (!Object.hasOwn(pack.decisions, x)) ctx.err(`${p}/reads/decisions/${i}`, `Plugin fact "${name}" reads decision "${x}", which is not declared.`, `Decisions: ${Object.keys(pack.decisions).join(', ')}.`);
    });
    const sc = d.returns?.scale;
    if (sc !== undefined && !Array.isArray((ownMember(pack.scales, sc) as { values?: unknown } | undefined)?.values)) ctx.err(`${p}/returns/scale`, `Plugin fact "${name}" returns values of scale "${sc}", which is not an ordered scale of the pack.`, `Scales: ${Object.keys(pack.scales).join(', ')}.`);
    const r = d.returns;
    if (r?.minimum !== undefined && r.maximum !== undefined && r.minimum > r.maximum) ctx.err(`${p}/returns`, `Plugin fact "${name}" returns numbers from ${r.minimum} to ${r.maximum}: the minimum is above the maximum.`);
    for (const [k, q] of Object.entries(d.params ?? {})) {
      if (q.minimum !== undefined && q.maximum !== undefined && q.minimum > q.maximum) ctx.err(`${p}/params/${escapePointer(k)}`, `Plugin fact "${name}" takes "${k}" from ${q.minimum} to ${q.maximum}: the minimum is above the maximum.`);
    }
  }
}

/**
 * The values a plugin fact's `returns` allows, when they can be listed (an enum, a scale's
 * values, true and false, whole numbers within at most 201 of each other); undefined otherwise.
 */
export function returnedValues(decl: PluginDeclaration | undefined, pack: Pack): unknown[] | undefined {
  const r = decl?.returns;
  if (!r) return undefined;
  if (r.enum) return r.enum;
  if (r.scale !== undefined) { const s = ownMember(pack.scales, r.scale) as { values?: string[] } | undefined; return s?.values ? [...s.values] : undefined; }
  if (r.type === 'boolean') return [true, false];
  if (r.type === 'integer' && r.minimum !== undefined && r.maximum !== undefined && r.maximum - r.minimum <= 200) {
    const out: number[] = [];
    for (let v = Math.ceil(r.minimum); v <= r.maximum; v++) out.push(v);
    return out;
  }
  return undefined;
}

/**
 * Why a value a plugin fact returned is not one its declaration allows (`returns`: its type, its
 * values, its scale's values, its bounds), in words; undefined when it is allowed. Nothing
 * (undefined or null) is always allowed: the plugin does not know, as an input not recorded.
 */
export function returnedValueProblem(decl: PluginDeclaration, pack: Pack, v: unknown): string | undefined {
  const r = decl.returns;
  if (!r || v === undefined || v === null) return undefined;
  const shown = typeof v === 'string' ? `the text ${JSON.stringify(v)}` : typeof v === 'number' ? `the number ${v}` : typeof v === 'boolean' ? `${v}` : `${Array.isArray(v) ? 'a list' : 'an object'} ${JSON.stringify(v) ?? ''}`.trim();
  if (r.enum && !r.enum.includes(v as string | number | boolean)) return `returned ${shown}, which is not among the values it declares (returns.enum: ${r.enum.map((x) => JSON.stringify(x)).join(', ')})`;
  if (r.scale !== undefined) {
    const values = (ownMember(pack.scales, r.scale) as { values?: string[] } | undefined)?.values;
    if (values && !values.includes(v as string)) return `returned ${shown}, which is not a value of scale "${r.scale}" (returns.scale: ${values.join(', ')})`;
  }
  if (r.type !== undefined) {
    const fits = r.type === 'string' ? typeof v === 'string' : r.type === 'boolean' ? typeof v === 'boolean'
      : typeof v === 'number' && Number.isFinite(v) && (r.type === 'number' || Number.isInteger(v));
    if (!fits) return `returned ${shown}, but it declares ${{ string: 'a text', boolean: 'true or false', number: 'a number', integer: 'a whole number' }[r.type]} (returns.type: ${r.type})`;
  }
  if (typeof v === 'number' && ((r.minimum !== undefined && v < r.minimum) || (r.maximum !== undefined && v > r.maximum))) {
    return `returned ${shown}, outside the ${r.minimum ?? '-∞'} to ${r.maximum ?? '∞'} it declares (returns.minimum / returns.maximum)`;
  }
  return undefined;
}

/**
 * A plugin fact's reader held to what it declares it returns: a value outside it is an evaluation
 * error naming the fact and where it is read (`pointer`, else the decision `where`), never a
 * silent wrong answer. Without `returns` the reader is given back as it is (no cost).
 */
export function checkedReturns<S>(fact: string, decl: PluginDeclaration | undefined, pack: Pack, read: (s: S) => unknown, pointer: string | undefined, where: string): (s: S) => unknown {
  if (!decl?.returns) return read;
  return (s) => {
    const v = read(s);
    const problem = returnedValueProblem(decl, pack, v);
    if (problem === undefined) return v;
    const message = `plugin fact "${fact}" ${problem}.`;
    throw pointer ? new ExpressionError(pointer, message) : new EvaluationError(where, message);
  };
}

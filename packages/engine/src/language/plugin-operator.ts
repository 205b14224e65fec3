/**
 * What a plugin operator declares: the kinds of fact value it compares, the kind of value it
 * takes, its words, and where its verdict on a number can change; so the validator checks its
 * uses, explanations word it, and the analyser partitions a number it compares instead of
 * sampling it. A plugin declares its operators in `CouncilPlugin.extensions.operatorDeclarations`
 * (beside the functions in `extensions.operators`); a pack may declare (or redeclare) them in
 * `extensions.operatorDeclarations` (beside the names it lists in `extensions.operators`). A
 * pack using a plugin operator with no declaration (neither its own nor the plugin's) is refused
 * with a meaning error at the use, whose hint shows the declaration to add (`declarationHint`);
 * no stored or bundled pack uses one (see docs/pack-format.md, "Plugin operators").
 */
import { Type, type Static } from '@sinclair/typebox';
import type { Extensions, Pack } from '../types.js';
import { escapePointer } from '../schema/parse-json.js';
import { ExpressionError } from '../errors.js';

/** The kinds of value an operator declaration names, in the order hints and the docs list them. */
export const OPERATOR_VALUE_TYPES = ['string', 'number', 'integer', 'boolean', 'date', 'list'] as const;

/** A kind of value: `string`, `number`, `integer`, `boolean`, `date` (a `YYYY-MM-DD` text) or `list`. */
export type OperatorValueType = (typeof OPERATOR_VALUE_TYPES)[number];

const ValueType = (description: string) => Type.Unsafe<OperatorValueType>({ type: 'string', enum: [...OPERATOR_VALUE_TYPES], description });

/** `{ "accepts": [...], "takes": ..., "words": ..., "changesAt"?: { "fromValue"?: [...], "values"?: [...] } }`. */
export const OperatorDeclarationSchema = Type.Object({
  accepts: Type.Array(ValueType('A kind of fact value.'), { minItems: 1, description: 'The kinds of fact value it compares (`string`, `number`, `integer`, `boolean`, `date`, `list`).' }),
  takes: ValueType('The kind of value it takes (`string`, `number`, `integer`, `boolean`, `date`, `list`); a whole number is a number, a date is a text.'),
  words: Type.String({ minLength: 1, description: 'Plain words between the fact and the value ("is within a week of"), for explanations and the admin UI.' }),
  changesAt: Type.Optional(Type.Object({
    fromValue: Type.Optional(Type.Array(Type.Number(), { minItems: 1, description: 'Offsets from the condition\'s value at which its verdict on a number can change (`[0]`: at the value, as `lessThan`).' })),
    values: Type.Optional(Type.Array(Type.Number(), { minItems: 1, description: 'Fixed numbers at which its verdict can change, whatever the condition\'s value.' })),
  }, { additionalProperties: false, minProperties: 1, description: 'Where its verdict on a number can change: between two neighbouring points (and at each) it is the same, so the analyser partitions on them.' })),
}, { additionalProperties: false, description: 'What a plugin operator compares, the value it takes, its words, and where its verdict can change.' });

/** What a plugin operator declares. */
export type OperatorDeclaration = Static<typeof OperatorDeclarationSchema>;

/** Every plugin operator's declaration: the pack's, else the plugin's. */
export function operatorDeclarations(pack: Pack, extensions: Extensions | undefined): Map<string, OperatorDeclaration> {
  const out = new Map<string, OperatorDeclaration>(Object.entries(extensions?.operatorDeclarations ?? {}));
  for (const [name, d] of Object.entries(pack.extensions?.operatorDeclarations ?? {})) out.set(name, d);
  return out;
}

/** True when a value of kind `actual` is one of kind `wanted`: a whole number is a number, a date is a text. */
export function valueTypeFits(actual: OperatorValueType, wanted: OperatorValueType): boolean {
  return actual === wanted || (actual === 'integer' && wanted === 'number') || (actual === 'date' && wanted === 'string');
}

/** The kind of a literal value, or undefined for an object (an expression, worked out per evaluation). */
export function literalValueType(v: unknown): OperatorValueType | undefined {
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? 'date' : 'string';
  return undefined;
}

/** "a number", "a date", ... */
export function valueTypeWords(t: OperatorValueType): string {
  return { string: 'a text', number: 'a number', integer: 'a whole number', boolean: 'true or false', date: 'a date', list: 'a list' }[t];
}

/** What the operator declarations' meaning check can use. */
export interface OperatorDeclarationCheckContext {
  /** Plugin operator names the pack may use (its `extensions.operators` and the plugin's). */
  operators: ReadonlySet<string>;
  err: (pointer: string, message: string, hint?: string) => void;
}

/** Checks the pack's operator declarations: each names a plugin operator; `changesAt` only for an operator comparing numbers. */
export function checkOperatorDeclarations(declarations: Record<string, OperatorDeclaration>, ctx: OperatorDeclarationCheckContext): void {
  for (const [name, d] of Object.entries(declarations)) {
    const p = `/extensions/operatorDeclarations/${escapePointer(name)}`;
    if (!ctx.operators.has(name)) ctx.err(p, `"${name}" is declared but is not a plugin operator the pack uses.`, 'Name it in extensions.operators.');
    if (d.changesAt && !d.accepts.some((t) => t === 'number' || t === 'integer')) {
      ctx.err(`${p}/changesAt`, `Operator "${name}" says where its verdict on a number changes, but it does not accept numbers (accepts: ${d.accepts.join(', ')}).`, 'Add "number" to accepts, or remove changesAt.');
    }
  }
}

/** What checking one use of a declared plugin operator can use. */
export interface OperatorUseContext {
  /** The kind of a fact's value, when the pack says (an input's type, a decision's scale, a built-in's). */
  factType: (fact: string) => OperatorValueType | undefined;
  /** The kind of a declared parameter's value, when declared. */
  paramType: (name: string) => OperatorValueType | undefined;
  err: (pointer: string, message: string, hint?: string) => void;
}

/**
 * Checks a leaf condition using a declared plugin operator: the fact's value is of a kind it
 * accepts, and the value (a literal, a parameter, another fact) of the kind it takes.
 */
export function checkOperatorUse(name: string, d: OperatorDeclaration, leaf: { fact?: string; value?: unknown; path?: string }, pointer: string, ctx: OperatorUseContext): void {
  const hint = (what: string): string => `Operator "${name}" (${d.words}) ${what}; see its declaration in extensions.operatorDeclarations or the plugin's.`;
  const ft = leaf.fact !== undefined && leaf.path === undefined ? ctx.factType(leaf.fact) : undefined;
  if (ft !== undefined && !d.accepts.some((t) => valueTypeFits(ft, t))) {
    ctx.err(`${pointer}/fact`, `Operator "${name}" compares ${d.accepts.map(valueTypeWords).join(' or ')}, but fact "${leaf.fact}" is ${valueTypeWords(ft)}.`, hint(`accepts ${d.accepts.join(', ')}`));
  }
  const v = leaf.value;
  let vt: OperatorValueType | undefined;
  let at = `${pointer}/value`;
  let what: string;
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (typeof o.param === 'string') { vt = ctx.paramType(o.param); at = `${at}/param`; what = `parameter "${o.param}"`; }
    else if (typeof o.fact === 'string' && o.path === undefined) { vt = ctx.factType(o.fact); at = `${at}/fact`; what = `fact "${o.fact}"`; }
    else return;
  } else { vt = literalValueType(v); what = `the value ${JSON.stringify(v)}`; }
  if (vt !== undefined && !valueTypeFits(vt, d.takes)) {
    ctx.err(at, `Operator "${name}" takes ${valueTypeWords(d.takes)} as its value, but ${what} is ${valueTypeWords(vt)}.`, hint(`takes ${d.takes}`));
  }
}

/**
 * The numbers at which a declared operator's verdict on a number compared with `value` can
 * change (its `changesAt` points), or undefined when it declares none or `value` is not a number
 * where it needs one.
 */
export function operatorChangePoints(d: OperatorDeclaration | undefined, value: unknown): number[] | undefined {
  const c = d?.changesAt;
  if (!c) return undefined;
  const out = [...(c.values ?? [])];
  if (c.fromValue) {
    if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
    for (const o of c.fromValue) out.push(value + o);
  }
  return out;
}

/**
 * The hint for a plugin operator used with no declaration: the declaration to add, with the kinds
 * its use shows (the fact's kind, the value's) filled in where known.
 * @example declarationHint('withinFiveOf', 'number', 'integer')
 * // 'Declare it in the pack\'s extensions.operatorDeclarations (or the plugin\'s): "withinFiveOf": { "accepts": ["number"], "takes": "number", "words": "<what it means, in plain words>" }.'
 */
export function declarationHint(name: string, factType: OperatorValueType | undefined, valueType: OperatorValueType | undefined): string {
  const kind = (t: OperatorValueType | undefined): string => (t === undefined ? '<kind>' : t === 'integer' ? 'number' : t === 'date' ? 'date' : t);
  return `Declare it in the pack's extensions.operatorDeclarations (or the plugin's): ${JSON.stringify(name)}: { "accepts": [${JSON.stringify(kind(factType))}], "takes": ${JSON.stringify(kind(valueType))}, "words": "<what it means, in plain words>" }.`;
}

/** The kind of a value met at evaluation (undefined for nothing, or an object). */
function runtimeValueType(v: unknown): OperatorValueType | undefined {
  return v === null || v === undefined ? undefined : literalValueType(v);
}

/**
 * A plugin operator held to its declaration at evaluation: a fact value of a kind it does not
 * accept, or a value of a kind it does not take, is an evaluation error naming the operator, the
 * fact and the condition's pointer, never a silent wrong answer. Nothing (a fact not recorded)
 * reaches the operator as before. The meaning checks catch what the pack says of its facts'
 * kinds; this catches the rest (a plugin fact, a path into an object, an expression's value).
 */
export function checkedOperator(name: string, d: OperatorDeclaration, op: (a: unknown, b: unknown) => boolean, fact: string, pointer: string): (a: unknown, b: unknown) => boolean {
  const accepts = (t: OperatorValueType): boolean => d.accepts.some((w) => valueTypeFits(t, w));
  // The common cases decided by typeof alone, worked out once: a number where numbers are accepted, a text where texts are.
  const anyNumber = accepts('number');
  const anyText = accepts('string');
  const takesNumber = valueTypeFits('number', d.takes);
  const takesText = valueTypeFits('string', d.takes);
  return (a, b) => {
    const ta = typeof a;
    const tb = typeof b;
    if (((ta === 'number' && anyNumber) || (ta === 'string' && anyText)) && ((tb === 'number' && takesNumber) || (tb === 'string' && takesText))) return op(a, b);
    const at = runtimeValueType(a);
    if (at !== undefined && !accepts(at)) {
      throw new ExpressionError(`${pointer}/fact`, `plugin operator "${name}" (${d.words}) compares ${d.accepts.map(valueTypeWords).join(' or ')}, but fact "${fact}" is ${valueTypeWords(at)} here: ${JSON.stringify(a)}.`);
    }
    const bt = runtimeValueType(b);
    if (bt !== undefined && !valueTypeFits(bt, d.takes)) {
      throw new ExpressionError(`${pointer}/value`, `plugin operator "${name}" (${d.words}) takes ${valueTypeWords(d.takes)}, but its value is ${valueTypeWords(bt)} here: ${JSON.stringify(b)}.`);
    }
    return op(a, b);
  };
}

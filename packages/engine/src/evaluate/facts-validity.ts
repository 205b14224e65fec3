import { isIsoDate } from '../dates/iso-date.js';
import { inheritedName } from '../compile/own-member.js';

/** Whether a value is valid under a schema; for {@link quickValidity}. */
export type Validity = (v: unknown) => boolean;

/** Keywords that say something about a schema without constraining a value. */
const ANNOTATIONS: ReadonlySet<string> = new Set(['description', 'title', '$comment', 'default', 'examples', 'deprecated', 'readOnly', 'writeOnly', 'x-label', 'x-scale', 'x-source']);

const primitive = (v: unknown): boolean => v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

const TYPE_TESTS: Readonly<Record<string, Validity>> = {
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  integer: (v) => typeof v === 'number' && Number.isInteger(v),
  boolean: (v) => typeof v === 'boolean',
  null: (v) => v === null,
  object: isObject,
  array: (v) => Array.isArray(v),
};

/**
 * Whether the facts of an assessment are valid under a pack's facts schema, asked of plain code
 * rather than of ajv, for the schemas of the keywords packs write for their inputs (type, enum,
 * const, format "date", the numeric bounds, minLength and maxLength, properties, required,
 * additionalProperties false,
 * allOf, if/then/else): what ajv answers for such a schema, at a fraction of its cost (the
 * assessment check asks it of every evaluation). Undefined for a schema with any other keyword
 * (the check then asks ajv), and for one declaring a fact named as a property every object
 * inherits (`toString`), which ajv reads through the prototype.
 *
 * It answers true only where ajv does: false means "ask ajv" (which gives the errors). A facts
 * object is read by its enumerable keys (`for...in`), so an object (at any depth) whose prototype
 * is not an object's or null is left to ajv.
 */
export function quickValidity(schema: unknown): Validity | undefined {
  const valid = validityOf(schema);
  if (!valid) return undefined;
  return (v) => {
    try { return valid(v); } catch (e) { if (e === UNSURE) return false; throw e; }
  };
}

/** Thrown where the answer might not be ajv's (an object of another prototype): ajv is asked. */
const UNSURE = Symbol('ask ajv');

/** The validity of a schema that takes anything (`true`, `{}`, annotations only). */
const ANYTHING: Validity = () => true;

function validityOf(schema: unknown): Validity | undefined {
  if (schema === true) return ANYTHING;
  if (schema === false) return () => false;
  if (!isObject(schema)) return undefined;
  const checks: Validity[] = [];
  let objectCheck: Validity | undefined;
  /** The numeric bounds, checked together (of a number only). */
  const bounds: Partial<Record<'minimum' | 'maximum' | 'exclusiveMinimum' | 'exclusiveMaximum', number>> = {};
  /** The enum's values and the type's test, for {@link fused}. */
  let enumValues: unknown[] | undefined;
  let typeTest: Validity | undefined;
  for (const key of Object.keys(schema)) {
    const value = schema[key];
    if (ANNOTATIONS.has(key)) continue;
    switch (key) {
      case 'type': {
        const types = typeof value === 'string' ? [value] : Array.isArray(value) && value.length && value.every((t) => typeof t === 'string') ? value as string[] : undefined;
        if (!types || !types.every((t) => TYPE_TESTS[t] && Object.hasOwn(TYPE_TESTS, t))) return undefined;
        const tests = types.map((t) => TYPE_TESTS[t]!);
        typeTest = tests.length === 1 ? tests[0]! : (v) => tests.some((t) => t(v));
        checks.push(typeTest);
        break;
      }
      case 'enum': {
        if (!Array.isArray(value) || !value.every(primitive)) return undefined;
        const values = value as unknown[];
        enumValues = values;
        checks.push((v) => values.includes(v));
        break;
      }
      case 'const': {
        if (!primitive(value)) return undefined;
        checks.push((v) => v === value);
        break;
      }
      case 'format':
        if (value !== 'date') return undefined;
        checks.push((v) => typeof v !== 'string' || isIsoDate(v));
        break;
      case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum': {
        if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
        bounds[key] = value;
        break;
      }
      case 'minLength': case 'maxLength': {
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return undefined;
        const n = value;
        checks.push(key === 'minLength'
          ? (v) => typeof v !== 'string' || (v.length >= 2 * n || codePoints(v) >= n)
          : (v) => typeof v !== 'string' || (v.length <= n || codePoints(v) <= n));
        break;
      }
      case 'properties': case 'required': case 'additionalProperties':
        break;
      case 'allOf': {
        if (!Array.isArray(value) || !value.length) return undefined;
        const parts = value.map(validityOf);
        if (parts.some((p) => p === undefined)) return undefined;
        for (const p of parts) checks.push(p!);
        break;
      }
      case 'if': {
        const cond = validityOf(value);
        const then = schema.then === undefined ? () => true : validityOf(schema.then);
        const otherwise = schema.else === undefined ? () => true : validityOf(schema.else);
        if (!cond || !then || !otherwise) return undefined;
        checks.push((v) => (cond(v) ? then(v) : otherwise(v)));
        break;
      }
      case 'then': case 'else':
        // Read with `if`; without one they say nothing.
        break;
      default:
        return undefined;
    }
  }
  // A value among the enum's is of the type when each of them is: the type need not be tested.
  if (typeTest && enumValues && enumValues.every((e) => typeTest!(e))) checks.splice(checks.indexOf(typeTest), 1);
  const { minimum: min, maximum: max, exclusiveMinimum: xmin, exclusiveMaximum: xmax } = bounds;
  if (min !== undefined || max !== undefined || xmin !== undefined || xmax !== undefined) {
    const lo = min ?? -Infinity;
    const hi = max ?? Infinity;
    const xlo = xmin ?? -Infinity;
    const xhi = xmax ?? Infinity;
    checks.push((v) => typeof v !== 'number' || (v >= lo && v <= hi && (xmin === undefined || v > xlo) && (xmax === undefined || v < xhi)));
  }
  if ('properties' in schema || 'required' in schema || 'additionalProperties' in schema) {
    objectCheck = objectValidity(schema);
    if (!objectCheck) return undefined;
    checks.unshift(objectCheck);
  }
  if (checks.length === 0) return ANYTHING;
  if (checks.length === 1) return checks[0]!;
  const [a, b, c] = checks as [Validity, Validity, Validity];
  if (checks.length === 2) return (v) => a(v) && b(v);
  if (checks.length === 3) return (v) => a(v) && b(v) && c(v);
  return (v) => { for (let i = 0; i < checks.length; i++) if (!checks[i]!(v)) return false; return true; };
}

/** A text's length in Unicode code points (a surrogate pair counts once), as ajv counts it for minLength and maxLength. */
function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    n++;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return n;
}

/** `properties`, `required` and `additionalProperties` (absent, true or false), for an object value only. */
function objectValidity(schema: Record<string, unknown>): Validity | undefined {
  const props = schema.properties ?? {};
  const required = schema.required ?? [];
  const additional = schema.additionalProperties ?? true;
  if (!isObject(props) || !Array.isArray(required) || !required.every((r) => typeof r === 'string') || typeof additional !== 'boolean') return undefined;
  const names = Object.keys(props);
  if (names.some(inheritedName) || (required as string[]).some(inheritedName)) return undefined;
  // Looked up by name in an object without a prototype (a Map's lookup is slower here).
  const byName = Object.create(null) as Record<string, Validity | undefined>;
  for (const name of names) {
    const check = validityOf(props[name]);
    if (!check) return undefined;
    byName[name] = check;
  }
  const needed = required as string[];
  if (additional) {
    // Other names are allowed: only the declared ones are read (by name, as ajv reads them), not
    // every member of the facts. A name whose schema takes anything is not read at all.
    const declared = names.filter((n) => byName[n] !== ANYTHING);
    const checks = declared.map((n) => byName[n]!);
    return (v) => {
      if (!isObject(v)) return true;
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) throw UNSURE;
      for (let i = 0; i < declared.length; i++) {
        const x = v[declared[i]!];
        if (x !== undefined && !checks[i]!(x)) return false;
      }
      for (let i = 0; i < needed.length; i++) if (v[needed[i]!] === undefined) return false;
      return true;
    };
  }
  return (v) => {
    if (!isObject(v)) return true;
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) throw UNSURE;
    for (const k in v) {
      const check = byName[k];
      if (check === undefined) { if (!additional) return false; continue; }
      const x = v[k];
      if (x !== undefined && !check(x)) return false;
    }
    for (let i = 0; i < needed.length; i++) if (v[needed[i]!] === undefined) return false;
    return true;
  };
}

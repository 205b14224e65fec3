import { Type } from '@sinclair/typebox';
import { Nested, type ExpressionDefinition } from '../expression.js';
import type { Expression } from '../expression-type.js';
import { LiteralSchema } from './literal.js';
import { numberReader } from './arithmetic.js';
import { numberOrParam, PARAMETER_USES } from '../parameters/parameter-use.js';
import { isParamRef } from '../parameters/parameter-declaration.js';
import { resolveParam } from '../../compile/resolve-param.js';

/** A band's threshold: a number, or a declared parameter (`{ "param": name }`) resolved when the pack is compiled. */
const Threshold = () => Type.Optional(numberOrParam(false));

/** One band: its value and its bounds, each stated inclusive (`atLeast`, `atMost`) or exclusive (`above`, `below`). */
export const BandSchema = Type.Object({
  value: LiteralSchema,
  atLeast: Threshold(), above: Threshold(),
  atMost: Threshold(), below: Threshold(),
}, { additionalProperties: false });

/** `{ "band": expr, "bands": [{ "value": v, "atLeast" | "above"?: n, "atMost" | "below"?: n }, ...] }`, lowest band first. */
export const BandExpressionSchema = Type.Object({ band: Nested(), bands: Type.Array(BandSchema, { minItems: 1 }) }, { additionalProperties: false });

const BOUND_KEYS = ['atLeast', 'above', 'atMost', 'below'] as const;
type Band<T = number> = { value: unknown; atLeast?: T; above?: T; atMost?: T; below?: T };
/** A band as written: its thresholds numbers or parameter references. */
type WrittenBand = Band<number | { param: string }>;
/** A bound of a band: its number and whether the number itself is in the band. */
type Bound<T = number> = { n: T; inclusive: boolean };

const lower = <T>(b: Band<T>): Bound<T> | undefined => (b.atLeast !== undefined ? { n: b.atLeast, inclusive: true } : b.above !== undefined ? { n: b.above, inclusive: false } : undefined);
const upper = <T>(b: Band<T>): Bound<T> | undefined => (b.atMost !== undefined ? { n: b.atMost, inclusive: true } : b.below !== undefined ? { n: b.below, inclusive: false } : undefined);

/**
 * The bands with each `{ "param": name }` threshold replaced by the value `resolve` gives it;
 * undefined when one does not resolve to a number.
 */
export function resolveBands(bands: readonly WrittenBand[], resolve: (name: string) => unknown): Band[] | undefined {
  const out: Band[] = [];
  for (const b of bands) {
    const r: Band = { value: b.value };
    for (const k of BOUND_KEYS) {
      const t = b[k];
      if (t === undefined) continue;
      const n = isParamRef(t) ? resolve(t.param) : t;
      if (typeof n !== 'number' || !Number.isFinite(n)) return undefined;
      r[k] = n;
    }
    out.push(r);
  }
  return out;
}

/** The thresholds of a band list (every bound's number), for the analyser's partition. */
export function bandThresholds(bands: readonly Band[]): number[] {
  return bands.flatMap((b) => [lower(b)?.n, upper(b)?.n]).filter((n): n is number => n !== undefined);
}

function boundWords<T>(b: Band<T>, show: (n: T) => string = String): string {
  const lo = lower(b);
  const hi = upper(b);
  if (lo && hi) return `${lo.inclusive ? '' : 'above '}${show(lo.n)} to ${hi.inclusive ? '' : 'below '}${show(hi.n)}`;
  if (lo) return `${lo.inclusive ? `${show(lo.n)} and above` : `above ${show(lo.n)}`}`;
  if (hi) return `${hi.inclusive ? `${show(hi.n)} and below` : `below ${show(hi.n)}`}`;
  return 'any number';
}

/** The order checks of a band list whose thresholds are numbers: no band empty, each meeting the next with no hole and no overlap. */
function checkBandOrder(bands: readonly Band[], p: (i: number, k?: string) => string, err: (pointer: string, message: string, hint: string) => void): void {
  bands.forEach((b, i) => {
    const lo = lower(b);
    const hi = upper(b);
    if (lo && hi && (lo.n > hi.n || (lo.n === hi.n && !(lo.inclusive && hi.inclusive)))) {
      err(p(i), `The band "${String(b.value)}" holds no number: its thresholds are out of order (${boundWords(b)}).`, 'Give the lower bound first, below the upper bound.');
    }
    const next = bands[i + 1];
    if (!next) return;
    const nlo = lower(next);
    if (!hi) { err(p(i), `The band "${String(b.value)}" has no upper bound, so it overlaps the next band "${String(next.value)}".`, 'Give it atMost or below, meeting the next band\'s lower bound.'); return; }
    if (!nlo) { err(p(i + 1), `The band "${String(next.value)}" has no lower bound, so it overlaps the band "${String(b.value)}" before it.`, 'Give it atLeast or above, meeting the previous band\'s upper bound.'); return; }
    const fix = `Make them meet: ${hi.inclusive ? `atMost: ${hi.n} then above: ${hi.n}` : `below: ${hi.n} then atLeast: ${hi.n}`}.`;
    if (lo && nlo.n < lo.n) err(p(i + 1), `The bands are out of order: "${String(next.value)}" starts below "${String(b.value)}".`, 'List the bands lowest first.');
    else if (hi.n < nlo.n || (hi.n === nlo.n && !hi.inclusive && !nlo.inclusive)) {
      err(p(i + 1), `There is a hole between the bands "${String(b.value)}" (${boundWords(b)}) and "${String(next.value)}" (${boundWords(next)}): ${hi.n === nlo.n ? `${hi.n} itself` : `numbers ${hi.inclusive ? 'above' : 'from'} ${hi.n} ${nlo.inclusive ? 'below' : 'to'} ${nlo.n}`} fall in no band.`, fix);
    } else if (hi.n > nlo.n || (hi.inclusive && nlo.inclusive)) {
      err(p(i + 1), `The bands "${String(b.value)}" (${boundWords(b)}) and "${String(next.value)}" (${boundWords(next)}) overlap${hi.n === nlo.n ? ` at ${hi.n}` : ''}.`, fix);
    }
  });
}

/**
 * A number put in one of an ordered list of bands by thresholds ("88 and above", "63 to below
 * 88", ...): bands listed lowest first, meeting exactly (no hole, no overlap).
 */
export const bandExpression: ExpressionDefinition = {
  key: 'band', schema: BandExpressionSchema,
  syntax: '{ "band": expr, "bands": [{ "value": v, "atLeast" | "above"?: n, "atMost" | "below"?: n }, ...] }',
  doc: 'The `value` of the band the number falls in; bands are listed lowest first, each bound stated inclusive (`atLeast`, `atMost`) or exclusive (`above`, `below`), and each band must meet the next with no hole and no overlap (`below: 88` then `atLeast: 88`); nothing when the number is not recorded or outside every band; an evaluation error naming the pointer when it is not a number. The analyser partitions on the thresholds, so a band over an input or a decision read by nothing else is analysed exhaustively.',
  check: (o, ctx) => {
    ctx.plain(o.band as Expression, 'band');
    const bands = o.bands as WrittenBand[];
    const p = (i: number, k?: string): string => `${ctx.pointer}/bands/${i}${k ? `/${k}` : ''}`;
    const names = new Set<string>();
    bands.forEach((b, i) => {
      if (b.atLeast !== undefined && b.above !== undefined) ctx.err(p(i, 'above'), 'A band has two lower bounds (atLeast and above).', 'Keep one: atLeast includes the number, above excludes it.', 'band');
      if (b.atMost !== undefined && b.below !== undefined) ctx.err(p(i, 'below'), 'A band has two upper bounds (atMost and below).', 'Keep one: atMost includes the number, below excludes it.', 'band');
      for (const k of BOUND_KEYS) {
        const t = b[k];
        if (isParamRef(t)) { names.add(t.param); ctx.checkParam(t.param, `${p(i, k)}/param`, PARAMETER_USES.bandThreshold); }
      }
      ctx.onScale?.(b.value, p(i, 'value'));
    });
    // With parameters, the order is checked for each value they take (each domain's inside a per-domain decision).
    const values = new Map([...names].map((n) => [n, ctx.paramValues(n)]));
    const bindings = Math.max(1, ...[...values.values()].map((v) => v.length));
    const seen = new Set<string>();
    for (let i = 0; i < bindings; i++) {
      const at = (n: string): unknown => { const v = values.get(n)!; return v.length === 1 ? v[0] : v[i]; };
      const resolved = resolveBands(bands, at);
      if (!resolved) continue; // an unresolved parameter is reported by its reference check
      checkBandOrder(resolved, p, (pointer, message, hint) => {
        const withValues = names.size ? `${message} (with ${[...names].map((n) => `${n} = ${String(at(n))}`).join(', ')})` : message;
        if (seen.has(pointer + withValues)) return;
        seen.add(pointer + withValues);
        ctx.err(pointer, withValues, hint, 'band');
      });
    }
  },
  words: (o, w) => `${w(o.band as Expression)} in bands: ${(o.bands as WrittenBand[]).map((b) => `${boundWords(b, (n) => (isParamRef(n) ? w(n) : String(n)))} ${String(b.value)}`).join('; ')}`,
  compile: (e, ctx) => {
    const x = numberReader(ctx.plain(e.band as Expression, 'band'), `${ctx.pointer}/band`);
    const resolved = resolveBands(e.bands as WrittenBand[], (n) => resolveParam(n, ctx.scope));
    if (!resolved) return () => undefined;
    const bands = resolved.map((b) => ({ value: b.value, lo: lower(b), hi: upper(b) }));
    return (s) => {
      const v = x(s);
      if (v === undefined) return undefined;
      for (const b of bands) {
        if (b.lo && (b.lo.inclusive ? v < b.lo.n : v <= b.lo.n)) continue;
        if (b.hi && (b.hi.inclusive ? v > b.hi.n : v >= b.hi.n)) continue;
        return b.value;
      }
      return undefined;
    };
  },
  analyse: (refs, o) => {
    const input = o.band as Record<string, unknown> | null;
    if (!input || typeof input !== 'object' || typeof input.fact !== 'string' || input.params !== undefined || input.path !== undefined) return false;
    const points = refs.partitions.get(input.fact) ?? new Set<number>();
    // The analyser resolves parameters before it gathers (input-space.ts), so thresholds are numbers here; an unresolved one leaves the band unpartitioned.
    const bands = resolveBands(o.bands as WrittenBand[], () => undefined);
    if (!bands) return false;
    for (const n of bandThresholds(bands)) points.add(n);
    refs.partitions.set(input.fact, points);
    return true;
  },
};

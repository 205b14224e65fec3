import { Type } from '@sinclair/typebox';
import { Nested, type ExpressionDefinition } from '../expression.js';
import type { Expression } from '../expression-type.js';
import { LiteralSchema } from './literal.js';
import { numberReader } from './arithmetic.js';

/** One band: its value and its bounds, each stated inclusive (`atLeast`, `atMost`) or exclusive (`above`, `below`). */
export const BandSchema = Type.Object({
  value: LiteralSchema,
  atLeast: Type.Optional(Type.Number()), above: Type.Optional(Type.Number()),
  atMost: Type.Optional(Type.Number()), below: Type.Optional(Type.Number()),
}, { additionalProperties: false });

/** `{ "band": expr, "bands": [{ "value": v, "atLeast" | "above"?: n, "atMost" | "below"?: n }, ...] }`, lowest band first. */
export const BandExpressionSchema = Type.Object({ band: Nested(), bands: Type.Array(BandSchema, { minItems: 1 }) }, { additionalProperties: false });

type Band = { value: unknown; atLeast?: number; above?: number; atMost?: number; below?: number };
/** A bound of a band: its number and whether the number itself is in the band. */
type Bound = { n: number; inclusive: boolean };

const lower = (b: Band): Bound | undefined => (b.atLeast !== undefined ? { n: b.atLeast, inclusive: true } : b.above !== undefined ? { n: b.above, inclusive: false } : undefined);
const upper = (b: Band): Bound | undefined => (b.atMost !== undefined ? { n: b.atMost, inclusive: true } : b.below !== undefined ? { n: b.below, inclusive: false } : undefined);

/** The thresholds of a band list (every bound's number), for the analyser's partition. */
export function bandThresholds(bands: readonly Band[]): number[] {
  return bands.flatMap((b) => [lower(b)?.n, upper(b)?.n]).filter((n): n is number => n !== undefined);
}

function boundWords(b: Band): string {
  const lo = lower(b);
  const hi = upper(b);
  if (lo && hi) return `${lo.inclusive ? '' : 'above '}${lo.n} to ${hi.inclusive ? '' : 'below '}${hi.n}`;
  if (lo) return `${lo.inclusive ? `${lo.n} and above` : `above ${lo.n}`}`;
  if (hi) return `${hi.inclusive ? `${hi.n} and below` : `below ${hi.n}`}`;
  return 'any number';
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
    const bands = o.bands as Band[];
    const p = (i: number, k?: string): string => `${ctx.pointer}/bands/${i}${k ? `/${k}` : ''}`;
    bands.forEach((b, i) => {
      if (b.atLeast !== undefined && b.above !== undefined) ctx.err(p(i, 'above'), 'A band has two lower bounds (atLeast and above).', 'Keep one: atLeast includes the number, above excludes it.', 'band');
      if (b.atMost !== undefined && b.below !== undefined) ctx.err(p(i, 'below'), 'A band has two upper bounds (atMost and below).', 'Keep one: atMost includes the number, below excludes it.', 'band');
      const lo = lower(b);
      const hi = upper(b);
      if (lo && hi && (lo.n > hi.n || (lo.n === hi.n && !(lo.inclusive && hi.inclusive)))) {
        ctx.err(p(i), `The band "${String(b.value)}" holds no number: its thresholds are out of order (${boundWords(b)}).`, 'Give the lower bound first, below the upper bound.', 'band');
      }
      ctx.onScale?.(b.value, p(i, 'value'));
      const next = bands[i + 1];
      if (!next) return;
      const nlo = lower(next);
      if (!hi) { ctx.err(p(i), `The band "${String(b.value)}" has no upper bound, so it overlaps the next band "${String(next.value)}".`, 'Give it atMost or below, meeting the next band\'s lower bound.', 'band'); return; }
      if (!nlo) { ctx.err(p(i + 1), `The band "${String(next.value)}" has no lower bound, so it overlaps the band "${String(b.value)}" before it.`, 'Give it atLeast or above, meeting the previous band\'s upper bound.', 'band'); return; }
      const fix = `Make them meet: ${hi.inclusive ? `atMost: ${hi.n} then above: ${hi.n}` : `below: ${hi.n} then atLeast: ${hi.n}`}.`;
      if (lo && nlo.n < lo.n) ctx.err(p(i + 1), `The bands are out of order: "${String(next.value)}" starts below "${String(b.value)}".`, 'List the bands lowest first.', 'band');
      else if (hi.n < nlo.n || (hi.n === nlo.n && !hi.inclusive && !nlo.inclusive)) {
        ctx.err(p(i + 1), `There is a hole between the bands "${String(b.value)}" (${boundWords(b)}) and "${String(next.value)}" (${boundWords(next)}): ${hi.n === nlo.n ? `${hi.n} itself` : `numbers ${hi.inclusive ? 'above' : 'from'} ${hi.n} ${nlo.inclusive ? 'below' : 'to'} ${nlo.n}`} fall in no band.`, fix, 'band');
      } else if (hi.n > nlo.n || (hi.inclusive && nlo.inclusive)) {
        ctx.err(p(i + 1), `The bands "${String(b.value)}" (${boundWords(b)}) and "${String(next.value)}" (${boundWords(next)}) overlap${hi.n === nlo.n ? ` at ${hi.n}` : ''}.`, fix, 'band');
      }
    });
  },
  words: (o, w) => `${w(o.band as Expression)} in bands: ${(o.bands as Band[]).map((b) => `${boundWords(b)} ${String(b.value)}`).join('; ')}`,
  compile: (e, ctx) => {
    const x = numberReader(ctx.plain(e.band as Expression, 'band'), `${ctx.pointer}/band`);
    const bands = (e.bands as Band[]).map((b) => ({ value: b.value, lo: lower(b), hi: upper(b) }));
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
    for (const n of bandThresholds(o.bands as Band[])) points.add(n);
    refs.partitions.set(input.fact, points);
    return true;
  },
};

/**
 * A decision's limiters: "if any statement in this domain is scored 1, this domain cannot be
 * above Bronze". Declared once here: the schema fragment (`#/$defs/limit`), the `Limit` type,
 * the meaning check, the compile step, and how a limiter caps a decided value (after the hit
 * policy) and explains itself in the trace.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { Citation, Condition } from '../types.js';
import type { ExplanationEntry, LeafResult } from '../explain/explanation.js';
import type { CompiledCondition } from '../compile/compile-condition.js';
import type { EvalState } from '../compile/eval-state.js';

/** `{ "id", "when", "atMost", "source", "label"?, "interpretation"? }` on a decision's `limits`. */
export const LimitSchema = Type.Object({
  id: Type.String({ description: 'Unique within the decision; the trace names the limiter by it.' }),
  label: Type.Optional(Type.String({ description: 'Plain words for the trace: "a statement scored 1 caps the domain at Bronze".' })),
  when: Type.Unsafe<Condition>({ $ref: '#/$defs/condition' }),
  atMost: Type.Union([Type.String(), Type.Number()], { description: 'The highest value the decision may take while `when` holds: a value of its scale.' }),
  source: Type.Unsafe<Citation>({ $ref: '#/$defs/citation' }),
  interpretation: Type.Optional(Type.String()),
}, { additionalProperties: false, description: 'While `when` holds, the decision\'s value is at most `atMost` (applied after the hit policy).' });

/** A limiter of a decision. */
export type Limit = Static<typeof LimitSchema>;

/** What the limiters' meaning check can use. */
export interface LimitCheckContext {
  pointer: string;
  decisionId: string;
  hitPolicy: string;
  /** The values of the decision's ordered scale, or its numeric bounds. */
  scale: { values: readonly string[] } | { numeric: { min: number; max: number; integer?: boolean } } | undefined;
  err: (pointer: string, message: string, hint?: string) => void;
  checkCondition: (c: Condition, pointer: string) => void;
  useInterpretation: (id: string, pointer: string) => void;
}

/** Checks a decision's limiters: unique ids, conditions, `atMost` on the decision's scale, not under `collect`. */
export function checkLimits(limits: readonly Limit[], ctx: LimitCheckContext): void {
  const ids = new Set<string>();
  limits.forEach((l, i) => {
    const p = `${ctx.pointer}/${i}`;
    if (ids.has(l.id)) ctx.err(`${p}/id`, `Limiter id "${l.id}" is used twice in decision "${ctx.decisionId}".`);
    ids.add(l.id);
    if (ctx.hitPolicy === 'collect') ctx.err(p, `Decision "${ctx.decisionId}" collects a list of values, which a limiter cannot cap.`, 'Limit a decision with one value (hit policy first, max, min or unique).');
    ctx.checkCondition(l.when, `${p}/when`);
    const s = ctx.scale;
    if (s && 'values' in s && (typeof l.atMost !== 'string' || !s.values.includes(l.atMost))) {
      ctx.err(`${p}/atMost`, `atMost ${JSON.stringify(l.atMost)} is not a value of the scale of decision "${ctx.decisionId}".`, `Values: ${s.values.join(', ')}.`);
    } else if (s && 'numeric' in s && (typeof l.atMost !== 'number' || l.atMost < s.numeric.min || l.atMost > s.numeric.max)) {
      ctx.err(`${p}/atMost`, `atMost ${JSON.stringify(l.atMost)} is not on the numeric scale of decision "${ctx.decisionId}" (${s.numeric.min}..${s.numeric.max}).`);
    }
    if (l.interpretation) ctx.useInterpretation(l.interpretation, `${p}/interpretation`);
  });
}

/** A compiled limiter. */
export interface CompiledLimit {
  id: string;
  label: string;
  when: CompiledCondition;
  atMost: string | number;
  source: string;
  interpretation?: string;
}

/** The value after the limiters that hold, and those that capped it (empty when none did). */
export interface Limited {
  value: unknown;
  capped: CompiledLimit[];
}

/**
 * Caps a decided value by every limiter whose condition holds: the value becomes the lowest
 * `atMost` above which it stood. `rank` orders values of the decision's scale (numbers by
 * themselves); an undecided value (a gap) is left as it is.
 */
export function applyLimits(limits: readonly CompiledLimit[], value: unknown, s: EvalState, rank: (v: unknown) => number | undefined): Limited {
  let out = value;
  const capped: CompiledLimit[] = [];
  if (value === undefined) return { value, capped };
  for (const l of limits) {
    if (!l.when.test(s)) continue;
    const now = rank(out);
    const cap = rank(l.atMost);
    if (now === undefined || cap === undefined || now <= cap) continue;
    out = l.atMost;
    capped.push(l);
  }
  return { value: out, capped };
}

/** Explains every limiter of an instance: its condition's results, and whether it capped the value (then the value it capped). */
export function explainLimits(decision: string, limits: readonly CompiledLimit[], decided: unknown, limited: Limited, s: EvalState, entries: ExplanationEntry[]): void {
  for (const l of limits) {
    const conditions: LeafResult[] = [];
    l.when.results(s, conditions);
    const fired = limited.capped.includes(l);
    entries.push(fired ? { kind: 'limit', of: decision, limit: l.id, fired, conditions, capped: decided } : { kind: 'limit', of: decision, limit: l.id, fired, conditions });
  }
}

import type { Expression } from '../types.js';
import { addDays, addMonths, addWorkingDays, isIsoDate } from '../dates/iso-date.js';
import type { Getter } from './eval-state.js';
import { compileFact, type CompileScope } from './compile-fact.js';
import { resolveParam } from './compile-condition.js';

/**
 * Compiles a value expression into a reader. `scale` is the scale `max`/`min` order by
 * (the decision's scale for outputs).
 */
export function compileExpression(e: Expression, scope: CompileScope, scale?: string): Getter {
  if (e === null || typeof e !== 'object') return () => e;
  const ranks = scale ? scope.index.ranks.get(scale) : undefined;
  const sub = (x: Expression): Getter => compileExpression(x, scope, scale);
  if ('fact' in e) return compileFact(e.fact, e.params, e.path, scope).get;
  if ('param' in e) { const v = resolveParam(e.param, scope); return () => v; }
  if ('map' in e) {
    const table = scope.index.pack.mappings?.[e.map]?.table ?? {};
    const of = compileExpression(e.of, scope);
    return (s) => { const v = of(s); return typeof v === 'string' && Object.hasOwn(table, v) ? table[v] : undefined; };
  }
  if ('mostRecent' in e) {
    const entries = e.mostRecent.map((x) => ({ value: sub(x.value), date: compileExpression(x.date, scope) }));
    return (s) => {
      const asOf = s.asOf;
      let best: unknown;
      let bestDate = '';
      for (const x of entries) {
        const d = x.date(s);
        if (!isIsoDate(d) || d > asOf || d <= bestDate) continue;
        const v = x.value(s);
        if (v === undefined || v === null) continue;
        best = v;
        bestDate = d;
      }
      return best;
    };
  }
  if ('max' in e || 'min' in e) {
    const isMax = 'max' in e;
    const parts = (isMax ? (e as { max: Expression[] }).max : (e as { min: Expression[] }).min).map(sub);
    const rank = ranks ? (v: unknown) => ranks.get(v as string) : (v: unknown) => (typeof v === 'number' ? v : undefined);
    return (s) => {
      let best: unknown;
      let bestRank = 0;
      for (const p of parts) {
        const v = p(s);
        const r = rank(v);
        if (r === undefined) continue;
        if (best === undefined || (isMax ? r > bestRank : r < bestRank)) { best = v; bestRank = r; }
      }
      return best;
    };
  }
  if ('sum' in e) {
    const parts = e.sum.map(sub);
    return (s) => {
      let t = 0;
      for (const p of parts) { const v = p(s); if (typeof v !== 'number') return undefined; t += v; }
      return t;
    };
  }
  if ('clamp' in e) {
    const v = sub(e.clamp.value);
    const lo = e.clamp.min ?? -Infinity;
    const hi = e.clamp.max ?? Infinity;
    return (s) => { const x = v(s); return typeof x === 'number' ? Math.min(hi, Math.max(lo, x)) : undefined; };
  }
  if ('addDays' in e || 'addMonths' in e || 'addWorkingDays' in e) {
    const to = compileExpression(e.to, scope);
    const fn = 'addDays' in e ? (d: string) => addDays(d, e.addDays)
      : 'addMonths' in e ? (d: string) => addMonths(d, e.addMonths)
        : (d: string) => addWorkingDays(d, (e as { addWorkingDays: number }).addWorkingDays);
    return (s) => { const d = to(s); return isIsoDate(d) ? fn(d) : undefined; };
  }
  if ('latestDate' in e) {
    const parts = e.latestDate.map((x) => compileExpression(x, scope));
    return (s) => {
      let best: string | undefined;
      for (const p of parts) { const d = p(s); if (isIsoDate(d) && (best === undefined || d > best)) best = d; }
      return best;
    };
  }
  throw new Error(`Unknown expression ${JSON.stringify(e)}`);
}

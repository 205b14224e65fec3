import type { Offset } from '../types.js';
import { DUE_UNITS } from '../language/timing/due.js';
import { workingDayAdder } from '../language/calendars/calendars.js';
import { isIsoDate } from '../dates/iso-date.js';
import { compileExpression } from './compile-expression.js';
import type { CompileScope } from './compile-fact.js';
import type { EvalState, Getter } from './eval-state.js';
import { resolveParam } from './resolve-param.js';

/** A compiled due offset: the date `n` units after `from` (an expression, else the assessment date). */
export interface CompiledOffset { add: (from: string, n: number) => string; n: number; from?: Getter }

/** Compiles an action's `due` or a human decision's `within`; undefined when it names no unit. */
export function compileOffset(due: Offset | undefined, scope: CompileScope, pointer: string): CompiledOffset | undefined {
  const unit = due ? DUE_UNITS.find((u) => due[u.unit] !== undefined) : undefined;
  const add = unit?.unit === 'workingDays' && due?.calendar !== undefined ? workingDayAdder(due.calendar, pointer) : unit?.add;
  return due && unit && add ? { add, n: dueAmount(due[unit.unit]!, scope), ...(due.from !== undefined ? { from: compileExpression(due.from, scope, undefined, `${pointer}/from`) } : {}) } : undefined;
}

/** The date an offset gives in an evaluation: from its `from` when that is a date, else from the assessment date. */
export function offsetDate(o: CompiledOffset, s: EvalState): string {
  const from = o.from ? o.from(s) : s.assessmentDate;
  return o.add(isIsoDate(from) ? from : s.assessmentDate, o.n);
}

/** A due amount: a number, or a declared parameter's value (`{ "param": ... }`). */
function dueAmount(n: number | { param: string }, scope: CompileScope): number {
  if (typeof n === 'number') return n;
  const v = resolveParam(n.param, scope);
  return typeof v === 'number' ? v : 0;
}

import type { TSchema } from '@sinclair/typebox';
import type { Getter, EvalState } from '../../compile/eval-state.js';
import type { Expression } from '../expression-type.js';
import type { ParameterUse } from '../parameters/parameter-use.js';
import type { DeterminationScheduleEntry, ScheduleEntry } from '../../types.js';

/** What a determination's schedule entry says besides its timing. */
export interface ScheduleHead { id: string; activity: string; label: string; source: string }

/** What a schedule form's meaning check can use. */
export interface ScheduleCheckContext {
  /** The schedule entry's pointer. */
  pointer: string;
  err: (pointer: string, message: string) => void;
  /** Checks an expression at a pointer. */
  checkExpression: (e: Expression, pointer: string) => void;
  /** Checks a parameter reference at a pointer: declared, and of a type and unit that fit its use. */
  checkParam: (name: string, pointer: string, use: ParameterUse) => void;
}

/**
 * One way a schedule entry says when an activity recurs (`every`, `perYear`, `monthlyOnDay`,
 * `monthlyOnWeekday`, `followingWeekday`, `onDates`): its docs row, meaning check and compile function.
 */
export interface ScheduleFormDefinition {
  /** The property of a schedule entry that gives this form. */
  readonly key: 'every' | 'perYear' | 'monthlyOnDay' | 'monthlyOnWeekday' | 'followingWeekday' | 'onDates';
  /** The schema of the property (`scheduleEntry.<key>`). */
  readonly schema: TSchema;
  readonly syntax: string;
  readonly doc: string;
  readonly check?: (entry: ScheduleEntry, ctx: ScheduleCheckContext) => void;
  /**
   * Compiles the form of an entry into the determination's entry it gives from a date (the
   * `from` date or the assessment date; `head` is the rest of it, written first), or undefined
   * when it gives none (a count that is not a positive number, no published date left).
   */
  readonly compile: (entry: ScheduleEntry, compile: (e: Expression) => Getter, head: ScheduleHead) => (s: EvalState, from: string) => DeterminationScheduleEntry | undefined;
}

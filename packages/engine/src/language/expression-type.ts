import type { Static } from '@sinclair/typebox';
import type { NestedExpression } from './expression.js';
import type { LiteralSchema } from './expressions/literal.js';
import type { FactExpressionSchema } from './expressions/fact.js';
import type { ParamExpressionSchema } from './expressions/param.js';
import type { MapExpressionSchema } from './expressions/map.js';
import type { MostRecentExpressionSchema } from './expressions/most-recent.js';
import type { MaxExpressionSchema, MinExpressionSchema } from './expressions/extremes.js';
import type { SumExpressionSchema } from './expressions/sum.js';
import type { ClampExpressionSchema } from './expressions/clamp.js';
import type { AddDaysExpressionSchema, AddMonthsExpressionSchema, AddWorkingDaysExpressionSchema } from './expressions/date-arithmetic.js';
import type { LatestDateExpressionSchema } from './expressions/latest-date.js';
import type { NextWeekdayExpressionSchema } from './expressions/next-weekday.js';
import type { DivideExpressionSchema, MultiplyExpressionSchema, PercentageExpressionSchema, SubtractExpressionSchema } from './expressions/arithmetic.js';
import type { RoundExpressionSchema } from './expressions/round.js';
import type { BandExpressionSchema } from './expressions/band.js';

/** A fragment's static type with each nested expression replaced by `Expression` (for any fragment holding expressions). */
export type Resolve<T> = T extends NestedExpression ? Expression
  : T extends readonly (infer U)[] ? Resolve<U>[]
    : T extends Record<string, unknown> ? { [K in keyof T]: Resolve<T[K]> }
      : T;

/**
 * A value expression, used for rule outputs, scores, dates and schedule counts: a JSON literal
 * or one of the forms in `language/expressions/`, each typed from its own schema fragment
 * (docs/pack-schema-reference.md lists them).
 */
export type Expression =
  | Static<typeof LiteralSchema>
  | Resolve<Static<typeof FactExpressionSchema>>
  | Resolve<Static<typeof ParamExpressionSchema>>
  | Resolve<Static<typeof MapExpressionSchema>>
  | Resolve<Static<typeof MostRecentExpressionSchema>>
  | Resolve<Static<typeof MaxExpressionSchema>>
  | Resolve<Static<typeof MinExpressionSchema>>
  | Resolve<Static<typeof SumExpressionSchema>>
  | Resolve<Static<typeof ClampExpressionSchema>>
  | Resolve<Static<typeof AddDaysExpressionSchema>>
  | Resolve<Static<typeof AddMonthsExpressionSchema>>
  | Resolve<Static<typeof AddWorkingDaysExpressionSchema>>
  | Resolve<Static<typeof LatestDateExpressionSchema>>
  | Resolve<Static<typeof NextWeekdayExpressionSchema>>
  | Resolve<Static<typeof SubtractExpressionSchema>>
  | Resolve<Static<typeof MultiplyExpressionSchema>>
  | Resolve<Static<typeof DivideExpressionSchema>>
  | Resolve<Static<typeof PercentageExpressionSchema>>
  | Resolve<Static<typeof RoundExpressionSchema>>
  | Resolve<Static<typeof BandExpressionSchema>>;

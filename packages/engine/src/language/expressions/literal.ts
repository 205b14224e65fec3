import { Type } from '@sinclair/typebox';

/** A JSON literal: a value in itself (an output such as "Silver", a number, true, null). */
export const LiteralSchema = Type.Unsafe<string | number | boolean | null>({ type: ['string', 'number', 'boolean', 'null'] });

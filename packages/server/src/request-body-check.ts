import { HttpError } from './http-error.js';
import type { ErrorDetail } from './http-error.js';
import { validateBody } from './request-body.js';
import type { JsonSchema } from './request-body.js';

/** Checks a value against a schema without throwing: the problems, or an empty list. */
export function schemaProblems(schema: JsonSchema, value: unknown): ErrorDetail[] {
  try {
    validateBody(schema, value);
    return [];
  } catch (error) {
    if (error instanceof HttpError) return error.details ?? [{ message: error.message }];
    throw error;
  }
}

import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Context } from 'hono';
import { HttpError } from './http-error.js';
import type { ErrorDetail } from './http-error.js';
import { isJsonSyntaxProblem, lineAndColumn, parseJsonText } from './json-syntax.js';
import { jsonValueProblem } from './json-value-check.js';
import { decodeUtf8Body } from './utf8.js';

/** A JSON Schema (draft 2020-12) object describing a request body. */
export type JsonSchema = Record<string, unknown>;

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const compiled = new WeakMap<JsonSchema, ValidateFunction>();

function pointerOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') return `${error.instancePath}/${String(params.missingProperty)}`;
  if (error.keyword === 'additionalProperties') return `${error.instancePath}/${String(params.additionalProperty)}`;
  return error.instancePath;
}

function messageOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') return `is not a known property`;
  if (error.keyword === 'enum') return `must be one of ${JSON.stringify(params.allowedValues)}`;
  return error.message ?? 'is invalid';
}

/** Checks `value` against `schema`; a mismatch is a 422 listing each problem with its JSON pointer. */
export function validateBody<T>(schema: JsonSchema, value: unknown): T {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (!validate(value)) {
    const details: ErrorDetail[] = (validate.errors ?? []).map((e) => ({ pointer: pointerOf(e), message: messageOf(e) }));
    throw new HttpError(422, 'invalid-body', 'The request body does not match its schema', { details });
  }
  return value as T;
}

/**
 * Parses a JSON request body so that what is stored is exactly what was sent: bytes that are not
 * UTF-8 are a 400 naming the byte offset, malformed JSON a 400 naming the line and column, and a
 * value that cannot be stored as sent (see {@link jsonValueProblem}: nesting too deep, a number that
 * overflows to infinity, NUL or a lone surrogate in a string, a `__proto__` member) a 422 naming its
 * JSON pointer, and a member name one object gives twice a 422 `duplicate-member` naming it, its
 * pointer, line and column (rather than silently keeping the last value).
 */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new HttpError(415, 'unsupported-media-type', 'Send the body as application/json');
  }
  const text = await readText(c);
  let value: unknown;
  try {
    value = parseJsonText(text);
  } catch (error) {
    if (!isJsonSyntaxProblem(error)) throw error;
    throw new HttpError(400, 'malformed-json', `The body is not valid JSON (line ${error.line}, column ${error.column})`, {
      details: [{ message: error.message, line: error.line, column: error.column }],
    });
  }
  const problem = jsonValueProblem(value, text);
  if (problem?.member !== undefined) {
    const { member, offset = 0, ...detail } = problem;
    throw new HttpError(422, 'duplicate-member', `The body names the member "${member}" twice in one object, at ${problem.pointer}`, {
      details: [{ ...detail, member, ...lineAndColumn(text, offset) }],
    });
  }
  if (problem) {
    throw new HttpError(422, 'invalid-body', 'The request body does not match its schema', { details: [{ ...problem }] });
  }
  return value;
}

/** The request body as text: strict UTF-8, bytes that are not UTF-8 are a 400 naming the byte offset. */
export async function readText(c: Context): Promise<string> {
  return decodeUtf8Body(await c.req.arrayBuffer());
}

/**
 * True when the request carries a body of at least one byte, judged by its length or, for a
 * chunked body or one without a length, by reading it (Hono keeps what was read for the route).
 * Never by its content type: a body sent without one is still a body (and a 415 for a JSON route).
 */
export async function hasBody(c: Context): Promise<boolean> {
  const length = c.req.header('content-length');
  if (length !== undefined && c.req.header('transfer-encoding') === undefined) return Number(length) > 0;
  return (await c.req.arrayBuffer()).byteLength > 0;
}

/** Reads and validates a JSON body in one step. */
export async function readBody<T>(c: Context, schema: JsonSchema): Promise<T> {
  return validateBody<T>(schema, await readJson(c));
}

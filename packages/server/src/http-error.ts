import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** One located problem in a request: a JSON pointer (or CSV row) and what is wrong there. */
export interface ErrorDetail {
  pointer?: string;
  message: string;
  line?: number;
  column?: number;
  row?: number;
  [key: string]: unknown;
}

/**
 * The one error the API throws. `app.onError` turns it into the one error shape:
 * `{ "error": { "status", "code", "message", "details"? } }`.
 * @example throw new HttpError(404, 'not-found', 'No council "york"');
 */
export class HttpError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly details?: ErrorDetail[];
  readonly headers?: Record<string, string>;
  constructor(
    status: ContentfulStatusCode,
    code: string,
    message: string,
    options: { details?: ErrorDetail[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.details = options.details;
    this.headers = options.headers;
  }

  /** The JSON body of this error. */
  toJSON(): { error: { status: number; code: string; message: string; details?: ErrorDetail[] } } {
    return {
      error: {
        status: this.status,
        code: this.code,
        message: this.message,
        ...(this.details ? { details: this.details } : {}),
      },
    };
  }
}

/** 404 for a thing that does not exist (or that the caller may not know exists). */
export function notFound(what: string): HttpError {
  return new HttpError(404, 'not-found', `${what} was not found`);
}

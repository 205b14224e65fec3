/** One located problem the server reported: a JSON pointer and what is wrong there. */
export interface ApiErrorDetail {
  pointer?: string;
  message: string;
  fact?: string;
  hint?: string;
  [key: string]: unknown;
}

/**
 * An error reply from the API (`{ error: { status, code, message, details? } }`), or a
 * network failure (status 0), carrying words fit to show the user.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetail[];
  constructor(status: number, code: string, message: string, details: ApiErrorDetail[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** True for 401: the session has ended and the user must sign in again. */
  get signedOut(): boolean {
    return this.status === 401;
  }
}

/** Plain words for any error thrown while talking to the server. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.name === 'AbortError') return 'Cancelled.';
  return error instanceof Error ? error.message : String(error);
}

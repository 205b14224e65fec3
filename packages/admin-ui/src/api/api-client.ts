import { ApiError } from './api-error.js';
import type { ApiErrorDetail } from './api-error.js';
import type {
  AnalysisRun,
  AssessmentBody,
  AssessmentPreview,
  CaseRun,
  CouncilSummary,
  Draft,
  DraftValidation,
  Me,
  PackDiffReply,
  PackVersionRecord,
  Provider,
  StoredAssessment,
  TimelineEntry,
  WhatIfReport,
} from './api-types.js';

/** Options of one request. */
export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | undefined>;
  ifMatch?: string;
  signal?: AbortSignal;
}

/** A reply's JSON body and its ETag, when it has one. */
export interface Reply<T> {
  data: T;
  etag: string | null;
}

const UNSAFE = new Set(['POST', 'PUT', 'DELETE']);

/** The largest page the server gives (its `MAX_PAGE_LIMIT`): short lists are read in as few requests as can be. */
const MAX_PAGE = 1000;

/**
 * The one client of the OpenQAF API. Sends the session cookie, echoes the CSRF token on
 * unsafe requests, and turns every error reply (and network failure) into an `ApiError`.
 * @example const councils = await api.councils();
 */
export class ApiClient {
  /** The CSRF token of the signed-in session (from login or `me`). */
  csrfToken: string | null = null;
  /** Called when the server says the session has ended (401). */
  onSignedOut: (() => void) | undefined;

  constructor(
    private readonly _base = '',
    private readonly _fetch: typeof fetch = (...args) => fetch(...args),
  ) {}

  /** Sends one request and reads its JSON reply. */
  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<Reply<T>> {
    const query = Object.entries(options.query ?? {}).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '');
    const url = `${this._base}${path}${query.length ? `?${new URLSearchParams(query)}` : ''}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (UNSAFE.has(method) && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    if (options.ifMatch) headers['if-match'] = options.ifMatch;
    let response: Response;
    try {
      response = await this._fetch(url, {
        method,
        headers,
        credentials: 'same-origin',
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new ApiError(0, 'network', 'The server cannot be reached. Check your connection and try again.');
    }
    const text = await response.text();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      const err = (json as { error?: { code?: string; message?: string; details?: ApiErrorDetail[] } } | undefined)?.error;
      if (response.status === 401 && path !== '/api/auth/login') this.onSignedOut?.();
      throw new ApiError(
        response.status,
        err?.code ?? 'http-error',
        err?.message ?? `The server answered ${response.status} ${response.statusText}`.trim(),
        err?.details ?? [],
      );
    }
    return { data: json as T, etag: response.headers.get('etag') };
  }

  private async _get<T>(path: string, options?: RequestOptions): Promise<T> {
    return (await this.request<T>('GET', path, options)).data;
  }

  private async _post<T>(path: string, options?: RequestOptions): Promise<T> {
    return (await this.request<T>('POST', path, options)).data;
  }

  /** Every item of a paginated list, following `nextCursor` page by page (for lists that stay short). */
  private async _all<T>(path: string, key: string, signal?: AbortSignal): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await this._get<Record<string, unknown> & { nextCursor: string | null }>(path, { query: { limit: String(MAX_PAGE), cursor }, signal });
      items.push(...(page[key] as T[]));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return items;
  }

  private _c(council: string): string {
    return `/api/councils/${encodeURIComponent(council)}`;
  }

  /** Who is signed in (remembers the CSRF token). */
  async me(signal?: AbortSignal): Promise<Me> {
    const me = await this._get<Me>('/api/auth/me', { signal });
    this.csrfToken = me.csrfToken;
    return me;
  }

  /** Signs in; the server sets the session cookie. */
  async login(email: string, password: string): Promise<void> {
    const reply = await this._post<{ csrfToken: string }>('/api/auth/login', { body: { email, password } });
    this.csrfToken = reply.csrfToken;
  }

  /** Signs out. */
  async logout(): Promise<void> {
    await this.request('POST', '/api/auth/logout');
    this.csrfToken = null;
  }

  /** Every council with its current version. */
  async councils(signal?: AbortSignal): Promise<CouncilSummary[]> {
    return this._all<CouncilSummary>('/api/councils', 'councils', signal);
  }

  /** The current published pack. */
  pack(council: string, signal?: AbortSignal): Promise<PackVersionRecord> {
    return this._get(`${this._c(council)}/pack`, { signal });
  }

  /** Every published version, newest first. */
  async versions(council: string, signal?: AbortSignal): Promise<PackVersionRecord[]> {
    return this._all<PackVersionRecord>(`${this._c(council)}/versions`, 'versions', signal);
  }

  /** One published version with its pack. */
  version(council: string, version: string, signal?: AbortSignal): Promise<PackVersionRecord> {
    return this._get(`${this._c(council)}/versions/${encodeURIComponent(version)}`, { signal });
  }

  /** The engine's readable diff of two versions (either may be "draft"). */
  diff(council: string, from: string, to: string, signal?: AbortSignal): Promise<PackDiffReply> {
    return this._get(`${this._c(council)}/diff`, { query: { from, to }, signal });
  }

  /** The working draft with its ETag. */
  async draft(council: string, signal?: AbortSignal): Promise<{ draft: Draft; etag: string }> {
    const reply = await this.request<Draft>('GET', `${this._c(council)}/draft`, { signal });
    return { draft: reply.data, etag: reply.etag ?? `"${reply.data.revision}"` };
  }

  /** Saves the draft (it may be invalid); returns its validation and the new ETag. */
  async saveDraft(council: string, content: unknown, etag: string | null): Promise<DraftValidation & { etag: string }> {
    const reply = await this.request<DraftValidation>('PUT', `${this._c(council)}/draft`, {
      body: content,
      ...(etag ? { ifMatch: etag } : {}),
    });
    return { ...reply.data, etag: reply.etag ?? `"${reply.data.revision}"` };
  }

  /** Runs the draft's own cases. */
  runCases(council: string, signal?: AbortSignal): Promise<CaseRun> {
    return this._post(`${this._c(council)}/draft/cases`, { signal });
  }

  /** Analyses the draft. */
  analyse(council: string, signal?: AbortSignal): Promise<AnalysisRun> {
    return this._post(`${this._c(council)}/draft/analyse`, { signal });
  }

  /** Publishes the draft. */
  publish(
    council: string,
    body: { note: string; version?: string; effectiveFrom?: string; acknowledgeFindings?: boolean },
    etag?: string,
  ): Promise<PackVersionRecord> {
    return this._post(`${this._c(council)}/draft/publish`, { body, ...(etag ? { ifMatch: etag } : {}) });
  }

  /** Publishes an earlier version's content as a new version. */
  rollBack(council: string, version: string, body: { note?: string; effectiveFrom?: string }): Promise<PackVersionRecord> {
    return this._post(`${this._c(council)}/versions/${encodeURIComponent(version)}/rollback`, { body });
  }

  /** Every provider's latest assessment under the draft and the published pack. */
  whatIf(council: string, signal?: AbortSignal): Promise<WhatIfReport> {
    return this._post(`${this._c(council)}/what-if`, { signal });
  }

  /**
   * One page of providers, optionally searched and filtered by current rating; pass the
   * previous page's `nextCursor` as `cursor` for the next.
   */
  providers(
    council: string,
    filter: { q?: string; rating?: string; cursor?: string } = {},
    signal?: AbortSignal,
  ): Promise<{ providers: Provider[]; nextCursor: string | null }> {
    return this._get(`${this._c(council)}/providers`, { query: filter, signal });
  }

  /** One provider. */
  provider(council: string, id: string, signal?: AbortSignal): Promise<Provider> {
    return this._get(`${this._c(council)}/providers/${encodeURIComponent(id)}`, { signal });
  }

  /** Adds a provider location. */
  createProvider(council: string, body: { name: string; cqcLocationId?: string | null; serviceType?: string | null }): Promise<Provider> {
    return this._post(`${this._c(council)}/providers`, { body });
  }

  /** Every determination of a provider, oldest first. */
  async timeline(council: string, id: string, signal?: AbortSignal): Promise<TimelineEntry[]> {
    return this._all<TimelineEntry>(`${this._c(council)}/providers/${encodeURIComponent(id)}/timeline`, 'timeline', signal);
  }

  /** Evaluates an assessment without storing it. */
  preview(council: string, body: AssessmentBody, signal?: AbortSignal): Promise<AssessmentPreview> {
    return this._post(`${this._c(council)}/assessments/preview`, { body, signal });
  }

  /**
   * Submits an assessment: stored with its determination. The reply leaves out the trace (about
   * 23 kB of Birmingham's 26 kB): the determination page asks for it when it shows it.
   */
  submitAssessment(council: string, body: AssessmentBody): Promise<StoredAssessment> {
    return this._post(`${this._c(council)}/assessments`, { body, query: { explain: 'false' } });
  }

  /** One stored assessment; `explain` adds the trace. */
  assessment(council: string, id: string, explain: boolean, signal?: AbortSignal): Promise<StoredAssessment> {
    return this._get(`${this._c(council)}/assessments/${encodeURIComponent(id)}`, {
      query: { explain: explain ? 'true' : undefined },
      signal,
    });
  }
}

/** The app's API client, talking to the server that served the page. */
export const api = new ApiClient();

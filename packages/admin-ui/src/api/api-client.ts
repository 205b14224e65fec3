import { hc } from 'hono/client';
import type { ClientResponse } from 'hono/client';
import type { JSONParsed } from 'hono/utils/types';
import type { AppType, AssessmentBody, PackVersionWithPack, PublishBody } from '@openqaf/server';
import { ApiError } from './api-error.js';
import type { ApiErrorDetail } from './api-error.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The largest page the server gives (its `MAX_PAGE_LIMIT`): short lists are read in as few requests as can be. */
export const MAX_PAGE = '1000';

/** A reply's JSON body and its ETag, when it has one. */
export interface Reply<T> {
  data: T;
  etag: string | null;
}

/** What every page of a list has: the cursor of the next page (null on the last). */
interface Page {
  nextCursor: string | null;
}

/** `init` of one `hc` call: the abort signal, and a JSON body a route takes without declaring its type. */
export function init(signal?: AbortSignal, body?: unknown): { init: RequestInit } {
  return { init: { ...(signal ? { signal } : {}), ...(body !== undefined ? { body: JSON.stringify(body) } : {}) } };
}

/** A query without its empty members (an empty search box is no filter). */
export function query<Q extends Record<string, string | undefined>>(q: Q): Q {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '')) as Q;
}

/**
 * The one client of the OpenQAF API: `hc<AppType>` of `hono/client`, so every call's path,
 * parameters and reply are typed from the server's route declarations. Sends the session
 * cookie, echoes the CSRF token on unsafe requests, and turns every error reply (and network
 * failure) into an `ApiError`.
 * @example const councils = await api.councils();
 */
export class ApiClient {
  /** The CSRF token of the signed-in session (from login or `me`). */
  csrfToken: string | null = null;
  /** Called when the server says the session has ended (401). */
  onSignedOut: (() => void) | undefined;

  private readonly _rpc: ReturnType<typeof hc<AppType>>;
  /** GETs started by {@link prefetch}, by URL: each identical GET reads a copy of the reply. */
  private readonly _prefetched = new Map<string, Promise<Response>>();
  /** Above 0 while {@link prefetch} starts its calls: their GETs are kept for the page to share. */
  private _prefetching = 0;

  constructor(
    base = '',
    private readonly _fetch: typeof fetch = (...args) => fetch(...args),
  ) {
    this._rpc = hc<AppType>(base, { fetch: (input: RequestInfo | URL, requestInit?: RequestInit) => this._send(input, requestInit ?? {}) });
  }

  /** Sends one request: adds the CSRF token, and throws an `ApiError` for any reply but success. */
  private async _send(input: RequestInfo | URL, requestInit: RequestInit): Promise<Response> {
    const method = (requestInit.method ?? 'GET').toUpperCase();
    const headers = new Headers(requestInit.headers);
    headers.set('accept', 'application/json');
    if (requestInit.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
    if (UNSAFE.has(method) && this.csrfToken) headers.set('x-csrf-token', this.csrfToken);
    const url = String(input);
    let response: Response;
    try {
      response = await this._fetchOrShare(url, method, { ...requestInit, method, headers, credentials: 'same-origin' });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new ApiError(0, 'network', 'The server cannot be reached. Check your connection and try again.');
    }
    // A write answered: what was prefetched before it may be out of date.
    if (UNSAFE.has(method)) this.forgetPrefetched();
    if (response.ok) return response;
    let json: unknown;
    try {
      json = JSON.parse(await response.text());
    } catch {
      json = undefined;
    }
    const err = (json as { error?: { code?: string; message?: string; details?: ApiErrorDetail[] } } | undefined)?.error;
    if (response.status === 401 && !new URL(url, 'http://x').pathname.endsWith('/api/auth/login')) this.onSignedOut?.();
    throw new ApiError(
      response.status,
      err?.code ?? 'http-error',
      err?.message ?? `The server answered ${response.status} ${response.statusText}`.trim(),
      err?.details ?? [],
    );
  }

  /**
   * Sends a request, or answers a GET from the same GET already started by {@link prefetch} (a
   * copy of its reply, so any number of identical GETs share one request). A prefetched GET runs
   * without the caller's abort signal: an aborted caller stops waiting for it.
   */
  private async _fetchOrShare(url: string, method: string, requestInit: RequestInit): Promise<Response> {
    const shared = method === 'GET' ? this._prefetched.get(url) : undefined;
    if (shared) {
      const signal = requestInit.signal;
      signal?.throwIfAborted();
      const aborted = signal ? new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true })) : undefined;
      return (await (aborted ? Promise.race([shared, aborted]) : shared)).clone();
    }
    if (method !== 'GET' || this._prefetching === 0) return this._fetch(url, requestInit);
    const { signal: _unused, ...unsignalled } = requestInit;
    const started = this._fetch(url, unsignalled);
    this._prefetched.set(url, started);
    // A failed prefetch is not kept: the page's own call asks again (and reports its error).
    started.catch(() => { if (this._prefetched.get(url) === started) this._prefetched.delete(url); });
    return (await started).clone();
  }

  /**
   * Starts the GETs of `calls` (the API client's own methods, so the URLs are exactly those the
   * page will ask for) before the page that needs them is drawn: who is signed in, the page's
   * data and the admin UI's code then load at the same time, not one after another. The
   * replies are kept until the next write is answered or {@link forgetPrefetched} (the app calls
   * it on navigation); every identical GET until then reads a copy. Only the first request of
   * each call is started (a list's later pages are asked for as usual). Errors are left to the
   * page's own calls.
   * @example api.prefetch((a) => [a.me(), a.pack('bolton')]);
   */
  prefetch(calls: (api: this) => Promise<unknown>[]): void {
    this._prefetching++;
    try {
      for (const call of calls(this)) call.catch(() => undefined);
    } finally {
      this._prefetching--;
    }
  }

  /** Drops every prefetched reply: later GETs ask the server again. */
  forgetPrefetched(): void {
    this._prefetched.clear();
  }

  /** The JSON body of a successful reply (errors were thrown by `_send`), with its ETag. */
  private async _reply<T>(call: Promise<ClientResponse<T>>): Promise<Reply<T>> {
    const response = await call;
    const text = await response.text();
    return { data: (text ? JSON.parse(text) : undefined) as T, etag: response.headers.get('etag') };
  }

  private async _data<T>(call: Promise<ClientResponse<T>>): Promise<T> {
    return (await this._reply(call)).data;
  }

  /**
   * A reply as the server's own type `T`. `hc` types a reply as `JSONParsed<T>`, which makes
   * recursive types (a pack's nested conditions) `JSONValue`; the call must still be of a route
   * replying `T`, and plain JSON data parses back to exactly `T`.
   */
  private async _as<T>(call: Promise<ClientResponse<JSONParsed<T>>>): Promise<T> {
    return (await this._reply(call)).data as T;
  }

  /** Every item of a paginated list, following `nextCursor` page by page (for lists that stay short). */
  private async _all<P extends Page, T>(page: (cursor: string | undefined) => Promise<ClientResponse<P>>, items: (page: P) => T[]): Promise<T[]> {
    const all: T[] = [];
    let cursor: string | undefined;
    do {
      const reply = await this._data(page(cursor));
      all.push(...items(reply));
      cursor = reply.nextCursor ?? undefined;
    } while (cursor);
    return all;
  }

  /**
   * A call of any route through the typed client, with this client's cookie, CSRF token and
   * errors: for screens whose calls live beside them (src/api/admin-api.ts).
   */
  call<T>(route: (rpc: ReturnType<typeof hc<AppType>>) => Promise<ClientResponse<T>>): Promise<T> {
    return this._data(route(this._rpc));
  }

  /** A call of any route, as {@link call}, with the reply's ETag (for records saved with If-Match). */
  reply<T>(route: (rpc: ReturnType<typeof hc<AppType>>) => Promise<ClientResponse<T>>): Promise<Reply<T>> {
    return this._reply(route(this._rpc));
  }

  /** Every item of a paginated route, as {@link call} (for lists that stay short). */
  callAll<P extends Page, T>(route: (rpc: ReturnType<typeof hc<AppType>>, cursor: string | undefined) => Promise<ClientResponse<P>>, items: (page: P) => T[]): Promise<T[]> {
    return this._all((cursor) => route(this._rpc, cursor), items);
  }

  /** The routes under `/api/councils/{council}` (the council goes in each call's `param`). */
  private get _council() {
    return this._rpc.api.councils[':council'];
  }

  /** Who is signed in (remembers the CSRF token). */
  async me(signal?: AbortSignal) {
    const me = await this._data(this._rpc.api.auth.me.$get(undefined, init(signal)));
    this.csrfToken = me.csrfToken;
    return me;
  }

  /** Signs in; the server sets the session cookie. */
  async login(email: string, password: string): Promise<void> {
    const reply = await this._data(this._rpc.api.auth.login.$post({ json: { email, password } }));
    this.csrfToken = reply.csrfToken;
  }

  /** Signs out. */
  async logout(): Promise<void> {
    await this._rpc.api.auth.logout.$post();
    this.csrfToken = null;
  }

  /** Every council with its current version. */
  councils(signal?: AbortSignal) {
    return this._all((cursor) => this._rpc.api.councils.$get({ query: query({ limit: MAX_PAGE, cursor }) }, init(signal)), (p) => p.councils);
  }

  /** The current published pack. */
  pack(council: string, signal?: AbortSignal) {
    return this._as<PackVersionWithPack>(this._council.pack.$get({ param: { council } }, init(signal)));
  }

  /** The version in force on `date` (default today), with its pack: never a version only scheduled for later. */
  packInForce(council: string, date?: string, signal?: AbortSignal) {
    return this._data(this._council.pack['in-force'].$get({ param: { council }, query: date ? { date } : {} }, init(signal)));
  }

  /** Every published version, newest first. */
  versions(council: string, signal?: AbortSignal) {
    return this._all(
      (cursor) => this._council.versions.$get({ param: { council }, query: query({ limit: MAX_PAGE, cursor }) }, init(signal)),
      (p) => p.versions,
    );
  }

  /**
   * The latest published version's record (no pack), or undefined before any: the first item of
   * `GET .../versions?limit=1`, newest first, rather than every version or the whole pack.
   */
  async latestVersion(council: string, signal?: AbortSignal) {
    const page = await this._data(this._council.versions.$get({ param: { council }, query: { limit: '1' } }, init(signal)));
    return page.versions[0];
  }

  /** One published version with its pack. */
  version(council: string, version: string, signal?: AbortSignal) {
    return this._as<PackVersionWithPack>(this._council.versions[':version'].$get({ param: { council, version } }, init(signal)));
  }

  /** The engine's readable diff of two versions (either may be "draft"). */
  diff(council: string, from: string, to: string, signal?: AbortSignal) {
    return this._data(this._council.diff.$get({ param: { council }, query: { from, to } }, init(signal)));
  }

  /** The working draft with its ETag. */
  async draft(council: string, signal?: AbortSignal) {
    const reply = await this._reply(this._council.draft.$get({ param: { council } }, init(signal)));
    return { draft: reply.data, etag: reply.etag ?? `"${reply.data.revision}"` };
  }

  /** Saves the draft (it may be invalid); returns its validation and the new ETag. */
  async saveDraft(council: string, content: unknown, etag: string | null) {
    const reply = await this._reply(
      this._council.draft.$put({ param: { council }, header: etag ? { 'if-match': etag } : {} }, init(undefined, content)),
    );
    return { ...reply.data, etag: reply.etag ?? `"${reply.data.revision}"` };
  }

  /** Runs the draft's own cases. */
  runCases(council: string, signal?: AbortSignal) {
    return this._data(this._council.draft.cases.$post({ param: { council } }, init(signal)));
  }

  /** Which sides of each threshold the saved draft's cases test, with the reasons recorded for sides left untested. */
  draftBoundaryCoverage(council: string, signal?: AbortSignal) {
    return this._data(this._council.draft['boundary-coverage'].$post({ param: { council } }, init(signal)));
  }

  /** Which sides of each threshold a published version's cases test, with the reasons recorded for sides left untested. */
  versionBoundaryCoverage(council: string, version: string, signal?: AbortSignal) {
    return this._data(this._council.versions[':version']['boundary-coverage'].$get({ param: { council, version } }, init(signal)));
  }

  /** Accepts, after review, the new results of failing cases (one or a reviewed batch) on the draft revision `etag`. */
  async acceptCases(council: string, body: { cases: string[]; reason?: string }, etag: string) {
    const reply = await this._reply(this._council.draft.cases.accept.$post({ param: { council }, header: { 'if-match': etag }, json: body }));
    return { ...reply.data, etag: reply.etag ?? `"${reply.data.revision}"` };
  }

  /** The server's validation of the saved draft (the engine's, with the council's extensions). */
  validateDraft(council: string, signal?: AbortSignal) {
    return this._data(this._council.draft.validate.$post({ param: { council } }, init(signal)));
  }

  /**
   * Analyses the draft. With `examples: false` each finding comes without its example inputs (a
   * reply a tenth the size, for a page that reads only the findings' words).
   */
  analyse(council: string, signal?: AbortSignal, { examples = true }: { examples?: boolean } = {}) {
    return this._data(this._council.draft.analyse.$post({ param: { council }, query: examples ? {} : { examples: 'false' } }, init(signal)));
  }

  /** Publishes the draft. */
  publish(council: string, body: PublishBody, etag?: string) {
    return this._data(this._council.draft.publish.$post({ param: { council }, header: etag ? { 'if-match': etag } : {}, json: body }));
  }

  /** Which version is in force today and which scheduled version takes over next. */
  schedule(council: string, signal?: AbortSignal) {
    return this._data(this._council.pack.schedule.$get({ param: { council } }, init(signal)));
  }

  /** Assessments decided under a version not in force on their date, with what they would be under it. */
  redeterminations(council: string, signal?: AbortSignal) {
    return this._data(this._council.redeterminations.$get({ param: { council } }, init(signal)));
  }

  /** Determines them again under the version in force (all, or the ids given); the earlier determinations stay, superseded. */
  redetermine(council: string, body: { reason: string; assessmentIds?: string[] }) {
    return this._data(this._council.redeterminations.$post({ param: { council }, json: body }));
  }

  /** Rolls back: withdraws the later versions for their whole period and publishes this one's content as a new version. */
  rollBack(council: string, version: string, body: { note?: string; effectiveFrom?: string }) {
    return this._data(this._council.versions[':version'].rollback.$post({ param: { council, version }, json: body }));
  }

  /** Every provider's latest assessment under the draft and the published pack. */
  whatIf(council: string, signal?: AbortSignal) {
    return this._data(this._council['what-if'].$post({ param: { council } }, init(signal)));
  }

  /**
   * One page of providers, optionally searched and filtered by current rating; pass the
   * previous page's `nextCursor` as `cursor` for the next.
   */
  providers(council: string, filter: { q?: string; rating?: string; cursor?: string } = {}, signal?: AbortSignal) {
    return this._data(this._council.providers.$get({ param: { council }, query: query(filter) }, init(signal)));
  }

  /** One provider. */
  provider(council: string, id: string, signal?: AbortSignal) {
    return this._data(this._council.providers[':id'].$get({ param: { council, id } }, init(signal)));
  }

  /** Adds a provider location. */
  createProvider(council: string, body: { name: string; cqcLocationId?: string | null; serviceType?: string | null; size?: Record<string, number> }) {
    return this._data(this._council.providers.$post({ param: { council }, json: body }));
  }

  /** Every determination of a provider, oldest first. */
  timeline(council: string, id: string, signal?: AbortSignal) {
    return this._all(
      (cursor) => this._council.providers[':id'].timeline.$get({ param: { council, id }, query: query({ limit: MAX_PAGE, cursor }) }, init(signal)),
      (p) => p.timeline,
    );
  }

  /** Evaluates an assessment without storing it. */
  preview(council: string, body: AssessmentBody, signal?: AbortSignal) {
    return this._data(this._council.assessments.preview.$post({ param: { council }, json: body }, init(signal)));
  }

  /**
   * Submits an assessment: stored with its determination. The reply leaves out the trace (about
   * 23 kB of Birmingham's 26 kB): the determination page asks for it when it shows it.
   */
  submitAssessment(council: string, body: AssessmentBody) {
    return this._data(this._council.assessments.$post({ param: { council }, query: { explain: 'false' } }, init(undefined, body)));
  }

  /**
   * Records a person's decision on a stored determination: the provider's next determination, linked
   * to the one it answers (and that one's visit record).
   */
  recordDecision(council: string, id: string, decisions: Record<string, { value: unknown; reason?: string }>) {
    return this._data(this._council.assessments[':id'].decisions.$post({ param: { council, id }, json: { decisions } }));
  }

  /** One stored assessment; `explain` adds the trace. */
  assessment(council: string, id: string, explain: boolean, signal?: AbortSignal) {
    return this._data(
      this._council.assessments[':id'].$get({ param: { council, id }, query: explain ? { explain: 'true' } : {} }, init(signal)),
    );
  }
}

/** The app's API client, talking to the server that served the page. */
export const api = new ApiClient();

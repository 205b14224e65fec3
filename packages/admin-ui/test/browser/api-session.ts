/**
 * A signed-in API session from Node, used by the browser tests to set up data (users,
 * providers, assessments) through the same HTTP API the UI uses.
 */
export class ApiSession {
  private _cookie = '';
  private _csrf = '';

  constructor(private readonly _base: string) {}

  /** Signs in and keeps the session cookie and CSRF token. */
  async signIn(email: string, password: string): Promise<void> {
    const res = await fetch(`${this._base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
    this._cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    this._csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  }

  /** Sends a request and returns its status and JSON body. */
  async call<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T; headers: Headers }> {
    const res = await fetch(`${this._base}${path}`, {
      method,
      headers: { cookie: this._cookie, 'x-csrf-token': this._csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
  }

  /** Like `call`, but throws unless the reply is a success. */
  async ok<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const r = await this.call<T>(method, path, body);
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }
}

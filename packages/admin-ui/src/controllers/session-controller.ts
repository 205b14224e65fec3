import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiClient } from '../api/api-client.js';
import { errorText } from '../api/api-error.js';
import type { Me } from '../api/api-types.js';

/**
 * Who is signed in: loads `/api/auth/me` when its host connects, signs in and out, and notices
 * when the server ends the session. `state` is `loading`, `ready` or `error`.
 */
export class SessionController implements ReactiveController {
  me: Me | undefined;
  state: 'loading' | 'ready' | 'error' = 'loading';
  error = '';

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _api: ApiClient,
  ) {
    _host.addController(this);
    _api.onSignedOut = () => {
      if (this.me?.user) this.me = { user: null, roles: {}, csrfToken: null };
      this._host.requestUpdate();
    };
  }

  hostConnected(): void {
    void this.reload();
  }

  /** True when someone is signed in. */
  get signedIn(): boolean {
    return Boolean(this.me?.user);
  }

  /** Reads who is signed in from the server. */
  async reload(): Promise<void> {
    try {
      this.me = await this._api.me();
      this.state = 'ready';
    } catch (error) {
      this.state = 'error';
      this.error = errorText(error);
    }
    this._host.requestUpdate();
  }

  /** Signs in and reloads the user's roles; throws `ApiError` on bad credentials. */
  async signIn(email: string, password: string): Promise<void> {
    await this._api.login(email, password);
    await this.reload();
  }

  /** Signs out. */
  async signOut(): Promise<void> {
    await this._api.logout().catch(() => undefined);
    await this.reload();
  }
}

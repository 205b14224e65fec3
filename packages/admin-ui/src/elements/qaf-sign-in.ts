import { LitElement, css, html, nothing } from 'lit';
import { errorText } from '../api/api-error.js';
import { sharedStyles } from './shared-styles.js';

/** Detail of the `sign-in` event. */
export interface SignInRequest {
  email: string;
  password: string;
  /** Called with an error message when signing in fails. */
  fail: (message: string) => void;
}

/** The sign-in form. Fires `sign-in` with the email and password; shows the refusal in words. */
export class QafSignIn extends LitElement {
  static override properties = { _error: { state: true }, _busy: { state: true } };
  static override styles = [sharedStyles, css`form { max-width: 26rem; } input { width: 100%; margin-bottom: 0.8rem; }`];
  declare private _error: string;
  declare private _busy: boolean;

  constructor() {
    super();
    this._error = '';
    this._busy = false;
  }

  override render() {
    return html`<h1>Sign in</h1>
      <form @submit=${this._submit}>
        ${this._error ? html`<p class="notice bad" role="alert">${this._error}</p>` : nothing}
        <label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required />
        <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required />
        <button ?disabled=${this._busy}>${this._busy ? 'Signing in…' : 'Sign in'}</button>
      </form>`;
  }

  private _submit(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    this._busy = true;
    this._error = '';
    this.dispatchEvent(
      new CustomEvent<SignInRequest>('sign-in', {
        bubbles: true,
        composed: true,
        detail: {
          email: String(data.get('email')),
          password: String(data.get('password')),
          fail: (message) => {
            this._busy = false;
            this._error = message;
          },
        },
      }),
    );
  }
}

/** Words for a failed sign-in. */
export function signInError(error: unknown): string {
  return errorText(error);
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-sign-in': QafSignIn;
  }
}
customElements.define('qaf-sign-in', QafSignIn);

import { LitElement, css, html, nothing } from 'lit';
import { adminApi } from '../api/admin-api.js';
import { href } from '../routing/route.js';
import type { FieldError } from './qaf-error-summary.js';
import { formErrors } from './qaf-error-summary.js';
import { sharedStyles } from './shared-styles.js';
import './qaf-error-summary.js';

/** The smallest password the server accepts. */
export const MIN_PASSWORD = 12;

/** What is wrong with a chosen password and its repetition, by field id; empty when fine. */
export function passwordProblems(password: string, repeated: string): FieldError[] {
  if (password.length < MIN_PASSWORD) return [{ field: 'new-password', message: `Enter a new password of at least ${MIN_PASSWORD} characters` }];
  if (password !== repeated) return [{ field: 'repeat-password', message: 'Type the same new password twice' }];
  return [];
}

/**
 * Choosing a password: with the one-time `code` from a reset link an admin handed over (no
 * sign-in needed), or, signed in with a temporary password an admin set, replacing it (asks for
 * it). Fires `password-changed` when done.
 */
export class QafChoosePassword extends LitElement {
  static override properties = { code: {}, _errors: { state: true }, _done: { state: true }, _busy: { state: true } };
  static override styles = [sharedStyles, css`form { max-width: 26rem; } input { width: 100%; margin-bottom: 0.8rem; }`];
  /** The reset code; empty when replacing a temporary password. */
  declare code: string;
  declare private _errors: FieldError[];
  declare private _done: boolean;
  declare private _busy: boolean;

  constructor() {
    super();
    this.code = '';
    this._errors = [];
    this._done = false;
    this._busy = false;
  }

  override render() {
    if (this._done) {
      return html`<h1>Password changed</h1><p class="notice good" role="status">Your new password is set. Every other session has been signed out and your API tokens revoked.</p>
        ${this.code ? html`<p><a href=${href({ page: 'sign-in' })}>Sign in with it</a></p>` : nothing}`;
    }
    const reset = Boolean(this.code);
    return html`<h1>${reset ? 'Choose a new password' : 'Choose your own password'}</h1>
      ${reset ? html`<p>This one-time link from an admin works once, for 24 hours. Choosing a password signs you out everywhere and revokes your API tokens.</p>`
        : html`<p>Your password was set by an admin and is temporary. Choose your own to go on.</p>`}
      <qaf-error-summary .errors=${this._errors}></qaf-error-summary>
      <form @submit=${this._submit} novalidate>
        ${reset ? nothing : html`<label for="current-password">Temporary password</label>
          <input id="current-password" name="current" type="password" autocomplete="current-password" />`}
        <label for="new-password">New password</label><span class="muted" id="new-password-hint">At least ${MIN_PASSWORD} characters.</span>
        <input id="new-password" name="password" type="password" autocomplete="new-password" aria-describedby="new-password-hint" />
        <label for="repeat-password">New password again</label>
        <input id="repeat-password" name="repeat" type="password" autocomplete="new-password" />
        <button ?disabled=${this._busy}>Set the new password</button>
      </form>`;
  }

  private async _submit(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const password = String(data.get('password') ?? '');
    this._errors = passwordProblems(password, String(data.get('repeat') ?? ''));
    if (this._errors.length) return;
    this._busy = true;
    try {
      if (this.code) await adminApi.usePasswordReset(this.code, password);
      else await adminApi.changePassword(String(data.get('current') ?? ''), password);
      this._done = true;
      this.dispatchEvent(new CustomEvent('password-changed', { bubbles: true, composed: true }));
    } catch (error) {
      this._errors = formErrors(error, []).map((p) => ({ ...p, field: p.field ?? 'new-password' }));
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-choose-password': QafChoosePassword;
  }
}
customElements.define('qaf-choose-password', QafChoosePassword);

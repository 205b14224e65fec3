import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import type { ApiTokenView } from '@openqaf/server';
import { adminApi } from '../api/admin-api.js';
import type { CreatedToken } from '../api/admin-api.js';
import { counted } from '../format/count-words.js';
import { longDate } from '../format/long-date.js';
import type { FieldError } from './qaf-error-summary.js';
import { formErrors } from './qaf-error-summary.js';
import { sharedStyles } from './shared-styles.js';
import { renderTask } from './task-states.js';
import './qaf-error-summary.js';

/** The scopes a token may have, with what each allows (docs/roles.md#api-token-scopes). */
const SCOPES = [
  { scope: 'read', words: 'Read: what a viewer may do' },
  { scope: 'write', words: 'Write: what an officer or council admin may do' },
  { scope: 'admin', words: 'Admin: tokens, passwords, council members' },
] as const;

/** The longest a token may live, in days. */
const MAX_DAYS = 365;

/**
 * Your API tokens: create one with scopes and an expiry (its secret shown once), list them,
 * revoke one at once. With `council` and `user-id`, a council admin does the same for a member
 * of the council (the secret shown once, to hand over).
 */
export class QafApiTokens extends LitElement {
  static override properties = {
    council: {},
    userId: { attribute: 'user-id' },
    userEmail: { attribute: 'user-email' },
    _errors: { state: true },
    _created: { state: true },
    _done: { state: true },
  };
  static override styles = [sharedStyles, css`code.secret { display: block; padding: 0.5rem; background: #f3f2f1; overflow-wrap: anywhere; user-select: all; }`];
  /** With `userId`: the council whose member's tokens these are. */
  declare council: string | undefined;
  /** A member's tokens instead of your own (council admin). */
  declare userId: string | undefined;
  declare userEmail: string | undefined;
  declare private _errors: FieldError[];
  declare private _created: CreatedToken | undefined;
  declare private _done: string;

  private _tokens = new Task(this, {
    task: ([council, userId], { signal }) => (council && userId ? adminApi.memberTokens(council, userId, signal) : adminApi.tokens(signal)),
    args: () => [this.council, this.userId] as const,
  });

  private get _member(): { council: string; userId: string; who: string } | undefined {
    return this.council && this.userId ? { council: this.council, userId: this.userId, who: this.userEmail || this.userId } : undefined;
  }

  constructor() {
    super();
    this._errors = [];
    this._done = '';
  }

  override render() {
    return html`
      <qaf-error-summary .errors=${this._errors}></qaf-error-summary>
      ${this._created ? html`<section class="notice" role="status" aria-labelledby="secret-title">
        <h2 id="secret-title">${this._member ? `New token "${this._created.name}" for ${this._member.who}` : `Your new token "${this._created.name}"`}</h2>
        <p>Copy it now${this._member ? ' and hand it over safely' : ''}: it is shown this once and cannot be shown again.</p>
        <code class="secret">${this._created.token}</code>
        <button class="secondary" @click=${() => (this._created = undefined)}>I have copied it</button></section>` : nothing}
      ${this._done ? html`<p class="notice" role="status">${this._done}</p>` : nothing}
      ${renderTask(this._tokens, (tokens) => this._table(tokens), 'Loading the tokens…')}
      <form @submit=${this._create} novalidate>
        <h2>${this._member ? `Create a token for ${this._member.who}` : 'Create a token'}</h2>
        <div class="row">
          <div><label for="token-name">Name</label><span class="muted" id="token-name-hint">What it is for, e.g. "Nightly CQC import"</span>
            <input id="token-name" name="name" aria-describedby="token-name-hint" /></div>
          <div><label for="token-days">Expires after (days)</label><span class="muted" id="token-days-hint">1 to ${MAX_DAYS}</span>
            <input id="token-days" name="days" type="number" min="1" max=${MAX_DAYS} value="90" inputmode="numeric" aria-describedby="token-days-hint" /></div>
        </div>
        <fieldset id="token-scopes" tabindex="-1"><legend>Scopes</legend>
          ${SCOPES.map((s) => html`<div><label><input type="checkbox" name="scopes" value=${s.scope} ?checked=${s.scope === 'read'} /> ${s.words}</label></div>`)}
        </fieldset>
        <button>Create token</button>
      </form>`;
  }

  private _table(tokens: ApiTokenView[]) {
    if (tokens.length === 0) return html`<qaf-status kind="empty" message=${this._member ? `${this._member.who} has no API tokens.` : 'You have no API tokens.'}></qaf-status>`;
    return html`<p class="muted">${counted(tokens.length, 'token')}</p><div class="scroll" tabindex="0"><table>
      <thead><tr><th scope="col">Name</th><th scope="col">Scopes</th><th scope="col">Created</th><th scope="col">Expires</th><th scope="col"><span class="muted">Revoke</span></th></tr></thead>
      <tbody>${tokens.map((t) => html`<tr>
        <td>${t.name}</td><td>${t.scopes.join(', ')}</td><td>${longDate(t.createdAt)}</td><td>${t.expiresAt ? longDate(t.expiresAt) : 'never'}</td>
        <td><button class="secondary" @click=${() => this._revoke(t)}>Revoke ${t.name}</button></td></tr>`)}</tbody></table></div>`;
  }

  private async _create(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    const days = Number(data.get('days'));
    const scopes = data.getAll('scopes').map(String) as ('read' | 'write' | 'admin')[];
    const problems: FieldError[] = [];
    if (!name) problems.push({ field: 'token-name', message: 'Enter a name for the token' });
    if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) problems.push({ field: 'token-days', message: `Enter a whole number of days from 1 to ${MAX_DAYS}` });
    if (scopes.length === 0) problems.push({ field: 'token-scopes', message: 'Choose at least one scope' });
    this._errors = problems;
    if (problems.length) return;
    try {
      const request = { name, scopes, expiresInDays: days };
      const member = this._member;
      this._created = member ? await adminApi.createMemberToken(member.council, member.userId, request) : await adminApi.createToken(request);
      this._done = '';
      form.reset();
      void this._tokens.run();
    } catch (error) {
      this._errors = formErrors(error, []).map((p) => ({ ...p, field: p.field ?? 'token-name' }));
    }
  }

  private async _revoke(t: ApiTokenView) {
    try {
      const member = this._member;
      await (member ? adminApi.revokeMemberToken(member.council, member.userId, t.id) : adminApi.revokeToken(t.id));
      this._errors = [];
      this._done = `Revoked "${t.name}": it no longer works anywhere.`;
      void this._tokens.run();
    } catch (error) {
      this._errors = formErrors(error, []);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-api-tokens': QafApiTokens;
  }
}
customElements.define('qaf-api-tokens', QafApiTokens);

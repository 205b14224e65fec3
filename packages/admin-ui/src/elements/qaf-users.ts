import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import type { UserView } from '@openqaf/server';
import { adminApi } from '../api/admin-api.js';
import type { PasswordResetReply } from '../api/admin-api.js';
import type { CouncilRole } from '../api/api-types.js';
import { roleLabel } from '../api/roles.js';
import { counted } from '../format/count-words.js';
import type { FieldError } from './qaf-error-summary.js';
import { formErrors } from './qaf-error-summary.js';
import { sharedStyles } from './shared-styles.js';
import { renderTask } from './task-states.js';
import './qaf-error-summary.js';
import './qaf-reset-link.js';

import { MIN_PASSWORD } from './qaf-choose-password.js';

/**
 * Every user of the platform (platform admin): create a user, disable or re-enable them, issue
 * a one-time password reset link, or set a temporary password they must change at next sign-in. Council roles are granted on each council's "Users and roles" page.
 */
export class QafUsers extends LitElement {
  static override properties = { councilNames: { attribute: false }, _errors: { state: true }, _done: { state: true }, _issued: { state: true } };
  static override styles = [sharedStyles, css`fieldset { border: 1px solid #b1b4b6; margin: 1rem 0; } .row > div { min-width: 12rem; }`];
  /** Council id -> name, to show roles by council name. */
  declare councilNames: Record<string, string>;
  declare private _errors: FieldError[];
  declare private _done: string;
  /** The reset link just issued, shown once. */
  declare private _issued: PasswordResetReply | undefined;

  private _users = new Task(this, { task: (_args, { signal }) => adminApi.users(signal), args: () => [] as const });

  constructor() {
    super();
    this.councilNames = {};
    this._errors = [];
    this._done = '';
  }

  override render() {
    return html`
      <qaf-error-summary .errors=${this._errors}></qaf-error-summary>
      ${this._done ? html`<p class="notice" role="status">${this._done}</p>` : nothing}
      <qaf-reset-link .reply=${this._issued}></qaf-reset-link>
      ${renderTask(this._users, (users) => this._table(users), 'Loading users…')}
      <form @submit=${this._create} novalidate>
        <h2>Create a user</h2>
        <div class="row">
          <div><label for="email">Email</label><input id="email" name="email" type="email" autocomplete="off" /></div>
          <div><label for="name">Name</label><input id="name" name="name" /></div>
          <div><label for="password">First password</label><span class="muted" id="password-hint">At least ${MIN_PASSWORD} characters; they change it after signing in.</span>
            <input id="password" name="password" type="password" autocomplete="new-password" aria-describedby="password-hint" /></div>
          <div><label><input id="platformAdmin" name="platformAdmin" type="checkbox" /> Platform admin</label></div>
        </div>
        <button>Create user</button>
      </form>
      ${this._users.value?.length ? html`<form @submit=${this._setTemporary} novalidate>
        <h2>Set a temporary password</h2>
        <p class="muted">Rather than a reset link: you choose a password and tell them; they must change it at their next sign-in. Ends their sessions and revokes their API tokens. Your own password is changed from your account.</p>
        <div class="row">
          <div><label for="reset-user">User</label><select id="reset-user" name="user">${this._users.value.map((u) => html`<option value=${u.id}>${u.email}</option>`)}</select></div>
          <div><label for="reset-password">New password</label><input id="reset-password" name="password" type="password" autocomplete="new-password" /></div>
        </div>
        <button>Set temporary password</button>
      </form>` : nothing}`;
  }

  private _roles(u: UserView) {
    const entries = Object.entries(u.roles);
    if (entries.length === 0) return html`<span class="muted">none</span>`;
    return entries.map(([c, role]) => html`<div>${this.councilNames[c] ?? c}: ${roleLabel(role as CouncilRole)}</div>`);
  }

  private _table(users: UserView[]) {
    return html`<p class="muted">${counted(users.length, 'user')}</p><div class="scroll" tabindex="0"><table>
      <thead><tr><th scope="col">User</th><th scope="col">Roles</th><th scope="col">Status</th><th scope="col"><span class="muted">Change</span></th></tr></thead>
      <tbody>${users.map((u) => html`<tr>
        <td>${u.name || u.email}<div class="muted">${u.email}</div></td>
        <td>${u.platformAdmin ? html`<div><strong>Platform admin</strong></div>` : nothing}${this._roles(u)}</td>
        <td>${u.disabled ? html`<strong class="bad">Disabled</strong>` : 'Active'}</td>
        <td><button class="secondary" @click=${() => this._setDisabled(u, !u.disabled)}>${u.disabled ? `Enable ${u.email}` : `Disable ${u.email}`}</button>
          <button class="secondary" @click=${() => this._issueReset(u)}>Reset link for ${u.email}</button></td>
      </tr>`)}</tbody></table></div>`;
  }

  private async _create(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const problems: FieldError[] = [];
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) problems.push({ field: 'email', message: 'Enter an email address, like name@council.gov.uk' });
    if (password.length < MIN_PASSWORD) problems.push({ field: 'password', message: `Enter a first password of at least ${MIN_PASSWORD} characters` });
    this._errors = problems;
    if (problems.length) return;
    try {
      const name = String(data.get('name') ?? '').trim();
      await adminApi.createUser({ email, password, ...(name ? { name } : {}), platformAdmin: data.get('platformAdmin') === 'on' });
      form.reset();
      this._done = `Created ${email}. Grant them a role on a council's "Users and roles" page.`;
      void this._users.run();
    } catch (error) {
      this._errors = formErrors(error, ['email', 'name', 'password']);
    }
  }

  private async _setTemporary(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const password = String(data.get('password') ?? '');
    if (password.length < MIN_PASSWORD) {
      this._errors = [{ field: 'reset-password', message: `Enter a new password of at least ${MIN_PASSWORD} characters` }];
      return;
    }
    const id = String(data.get('user'));
    try {
      await adminApi.resetPassword(id, password);
      form.reset();
      this._errors = [];
      this._done = `Temporary password set for ${this._users.value?.find((u) => u.id === id)?.email ?? id}: they must change it at their next sign-in. Their sessions and API tokens have ended.`;
    } catch (error) {
      this._errors = formErrors(error, []).map((p) => ({ ...p, field: p.field ?? 'reset-password' }));
    }
  }

  private async _issueReset(u: UserView) {
    try {
      this._issued = await adminApi.issuePasswordReset(u.id);
      this._errors = [];
      this._done = '';
    } catch (error) {
      this._errors = formErrors(error, []);
    }
  }

  private async _setDisabled(u: UserView, disabled: boolean) {
    try {
      await adminApi.updateUser(u.id, { disabled });
      this._errors = [];
      this._done = disabled ? `Disabled ${u.email}: signed out everywhere, API tokens revoked.` : `Enabled ${u.email}.`;
      void this._users.run();
    } catch (error) {
      this._errors = formErrors(error, []);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-users': QafUsers;
  }
}
customElements.define('qaf-users', QafUsers);

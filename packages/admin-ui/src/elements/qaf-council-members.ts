import { Task } from '@lit/task';
import { LitElement, html, nothing } from 'lit';
import { adminApi } from '../api/admin-api.js';
import type { Member, PasswordResetReply } from '../api/admin-api.js';
import type { CouncilRole } from '../api/api-types.js';
import { counted } from '../format/count-words.js';
import type { FieldError } from './qaf-error-summary.js';
import { formErrors } from './qaf-error-summary.js';
import { COUNCIL_ROLES } from './role-words.js';
import { sharedStyles } from './shared-styles.js';
import { renderTask } from './task-states.js';
import './qaf-api-tokens.js';
import './qaf-error-summary.js';
import './qaf-reset-link.js';

/**
 * A council's users and roles (council admin): change or remove a role, see, make and revoke a
 * member's API tokens, disable or enable a member's account, issue a one-time password reset
 * link; a platform admin also grants a role to any user of the platform.
 */
export class QafCouncilMembers extends LitElement {
  static override properties = {
    council: {},
    councilName: { attribute: 'council-name' },
    platformAdmin: { type: Boolean, attribute: 'platform-admin' },
    _errors: { state: true },
    _done: { state: true },
    _tokensOf: { state: true },
    _reset: { state: true },
  };
  static override styles = [sharedStyles];
  declare council: string;
  declare councilName: string;
  declare platformAdmin: boolean;
  declare private _errors: FieldError[];
  declare private _done: string;
  /** The member whose API tokens are open below the table. */
  declare private _tokensOf: Member | undefined;
  /** The reset link just issued, shown once. */
  declare private _reset: PasswordResetReply | undefined;

  private _members = new Task(this, { task: ([c], { signal }) => adminApi.members(c, signal), args: () => [this.council] as const });
  private _everyone = new Task(this, {
    task: async ([platform], { signal }) => (platform ? adminApi.users(signal) : []),
    args: () => [this.platformAdmin] as const,
  });

  constructor() {
    super();
    this.platformAdmin = false;
    this.councilName = '';
    this._errors = [];
    this._done = '';
  }

  private get _name() {
    return this.councilName || this.council;
  }

  override render() {
    const members = this._members.value ?? [];
    const others = (this._everyone.value ?? []).filter((u) => !members.some((m) => m.id === u.id));
    return html`
      <qaf-error-summary .errors=${this._errors}></qaf-error-summary>
      ${this._done ? html`<p class="notice" role="status">${this._done}</p>` : nothing}
      <qaf-reset-link .reply=${this._reset}></qaf-reset-link>
      ${renderTask(this._members, (list) => this._table(list), 'Loading users…')}
      ${this._tokensOf ? html`<section aria-labelledby="member-tokens-title">
        <h2 id="member-tokens-title" tabindex="-1">API tokens of ${this._tokensOf.email}</h2>
        <qaf-api-tokens council=${this.council} user-id=${this._tokensOf.id} user-email=${this._tokensOf.email}></qaf-api-tokens>
        <button class="secondary" @click=${() => (this._tokensOf = undefined)}>Close the tokens of ${this._tokensOf.email}</button></section>` : nothing}
      ${this.platformAdmin ? html`<form @submit=${this._grant} novalidate>
        <h2>Grant a role in ${this._name}</h2>
        ${others.length === 0 ? html`<p class="muted">Every user already has a role here. Create users on the Users page.</p>` : html`<div class="row">
          <div><label for="grant-user">User</label><select id="grant-user" name="user">${others.map((u) => html`<option value=${u.id}>${u.email}</option>`)}</select></div>
          <div><label for="grant-role">Role</label><select id="grant-role" name="role">${COUNCIL_ROLES.map((r) => html`<option value=${r.role}>${r.words}</option>`)}</select></div>
          <button>Grant role</button></div>`}
      </form>` : nothing}`;
  }

  private _table(members: Member[]) {
    if (members.length === 0) return html`<qaf-status kind="empty" message=${`Nobody has a role in ${this._name} yet.`}></qaf-status>`;
    return html`<p class="muted">${counted(members.length, 'user')} with a role in ${this._name}</p><div class="scroll" tabindex="0"><table>
      <thead><tr><th scope="col">User</th><th scope="col">Role</th><th scope="col">Account</th><th scope="col"><span class="muted">API tokens</span></th><th scope="col"><span class="muted">Remove</span></th></tr></thead>
      <tbody>${members.map((m) => html`<tr>
        <td>${m.name || m.email}<div class="muted">${m.email}</div></td>
        <td><label class="muted" for=${`role-${m.id}`}>Role of ${m.email}</label>
          <select id=${`role-${m.id}`} @change=${(e: Event) => this._setRole(m, (e.target as HTMLSelectElement).value as CouncilRole)}>
          ${COUNCIL_ROLES.map((r) => html`<option value=${r.role} ?selected=${r.role === m.role}>${r.words}</option>`)}</select></td>
        <td>${m.disabled ? html`<strong class="bad">Disabled</strong>` : 'Active'}
          <div><button class="secondary" @click=${() => this._setDisabled(m, !m.disabled)}>${m.disabled ? `Enable ${m.email}` : `Disable ${m.email}`}</button></div>
          <div><button class="secondary" @click=${() => this._issueReset(m)}>Reset link for ${m.email}</button></div></td>
        <td><button class="secondary" @click=${() => this._openTokens(m)}>API tokens of ${m.email}</button></td>
        <td><button class="secondary" @click=${() => this._remove(m)}>Remove ${m.email}</button></td>
      </tr>`)}</tbody></table></div>`;
  }

  private async _openTokens(m: Member) {
    this._tokensOf = m;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#member-tokens-title')?.focus();
  }

  private async _setRole(m: { id: string; email: string }, role: CouncilRole) {
    try {
      await adminApi.grantRole(this.council, m.id, role);
      this._errors = [];
      this._done = `${m.email} is now ${COUNCIL_ROLES.find((r) => r.role === role)!.words.toLowerCase()} in ${this._name}.`;
      void this._members.run();
    } catch (error) {
      this._errors = formErrors(error, []);
    }
  }

  private async _setDisabled(m: Member, disabled: boolean) {
    try {
      await adminApi.setMemberDisabled(this.council, m.id, disabled);
      this._errors = [];
      this._reset = undefined;
      this._done = disabled ? `Disabled ${m.email}: signed out everywhere, API tokens revoked.` : `Enabled ${m.email}: they can sign in again.`;
      void this._members.run();
    } catch (error) {
      this._errors = formErrors(error, []);
    }
  }

  private async _issueReset(m: Member) {
    try {
      this._reset = await adminApi.issueMemberPasswordReset(this.council, m.id);
      this._errors = [];
      this._done = '';
    } catch (error) {
      this._errors = formErrors(error, []);
    }
  }

  private async _remove(m: Member) {
    try {
      await adminApi.removeRole(this.council, m.id);
      this._errors = [];
      this._done = `${m.email} no longer has a role in ${this._name}.`;
      void this._members.run();
    } catch (error) {
      this._errors = formErrors(error, []);
    }
  }

  private async _grant(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const id = String(data.get('user'));
    const email = this._everyone.value?.find((u) => u.id === id)?.email ?? id;
    await this._setRole({ id, email }, String(data.get('role')) as CouncilRole);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-council-members': QafCouncilMembers;
  }
}
customElements.define('qaf-council-members', QafCouncilMembers);

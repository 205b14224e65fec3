import { LitElement, html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import type { PasswordResetReply } from '../api/admin-api.js';
import { longDateTime } from '../format/long-date.js';
import { sharedStyles } from './shared-styles.js';

/** The full address of a reset link, on this admin UI. */
export function resetLinkAddress(reply: PasswordResetReply, location: Pick<Location, 'origin' | 'pathname'> = window.location): string {
  return `${location.origin}${location.pathname}${reply.resetPath}`;
}

/**
 * The one-time display of a password reset link an admin issued (on the Users page and on a
 * council's "Users and roles" page): the link (only its hash is kept, so it cannot be shown
 * again), until when it works, and how to hand it over (no email). Nothing without a `reply`;
 * each new reply takes the focus to its link, ready to copy.
 */
export class QafResetLink extends LitElement {
  static override properties = { reply: { attribute: false } };
  static override styles = [sharedStyles];
  declare reply: PasswordResetReply | undefined;

  override render() {
    const reply = this.reply;
    if (!reply) return nothing;
    return html`<div class="notice" role="status" aria-labelledby="reset-link-title">
      <h2 id="reset-link-title">Password reset link for ${reply.email}</h2>
      <p>Shown once: copy it now. It works once, until ${longDateTime(reply.expiresAt)}.
        There is no email from OpenQAF: give it to ${reply.email} yourself, by a channel you trust. Their password and sessions stay as they are until they use it.</p>
      <label for="reset-link">Reset link</label>
      <input id="reset-link" readonly .value=${resetLinkAddress(reply)} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>) {
    if (changed.has('reply') && this.reply) this.renderRoot.querySelector<HTMLInputElement>('#reset-link')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-reset-link': QafResetLink;
  }
}
customElements.define('qaf-reset-link', QafResetLink);

import { LitElement, css, html } from 'lit';
import { sharedStyles } from './shared-styles.js';

/**
 * A loading, empty or error state in words, so no page is ever blank.
 * @example <qaf-status kind="error" message="The server cannot be reached."></qaf-status>
 */
export class QafStatus extends LitElement {
  static override properties = { kind: { reflect: true }, message: {} };
  static override styles = [
    sharedStyles,
    css`
      div { padding: 0.8rem 1rem; border-left: 5px solid var(--qaf-line, #b1b4b6); background: var(--qaf-soft, #f3f2f1); margin: 0.75rem 0; }
      :host([kind='error']) div { border-color: var(--qaf-bad, #b10e1e); }
      :host([kind='loading']) div::before { content: ''; display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.5em; border: 2px solid currentColor; border-right-color: transparent; border-radius: 50%; animation: spin 0.8s linear infinite; vertical-align: -0.1em; }
      @keyframes spin { to { transform: rotate(360deg); } }
      @media (prefers-reduced-motion: reduce) { :host([kind='loading']) div::before { animation: none; } }
    `,
  ];
  declare kind: 'loading' | 'empty' | 'error';
  declare message: string;

  constructor() {
    super();
    this.kind = 'loading';
    this.message = '';
  }

  override render() {
    const role = this.kind === 'error' ? 'alert' : 'status';
    const text = this.message || (this.kind === 'loading' ? 'Loading…' : this.kind === 'empty' ? 'Nothing here yet.' : 'Something went wrong.');
    return html`<div role=${role}>${this.kind === 'error' ? html`<strong>Problem: </strong>` : ''}${text}<slot></slot></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-status': QafStatus;
  }
}
customElements.define('qaf-status', QafStatus);

import { LitElement, css, html, nothing } from 'lit';
import { ApiError } from '../api/api-error.js';
import { errorText } from '../api/api-error.js';

/** One problem of a form: the id of the field it is about (if any) and what is wrong. */
export interface FieldError {
  field?: string;
  message: string;
}

/**
 * A form's problems from an API error: each detail whose JSON pointer's first segment names one
 * of `fields` (e.g. `/email` -> `email`) is tied to that field; the rest stand alone.
 * @example formErrors(err, ['email', 'password']) // [{ field: 'password', message: 'must be at least 12 characters' }]
 */
export function formErrors(error: unknown, fields: readonly string[]): FieldError[] {
  if (!(error instanceof ApiError) || error.details.length === 0) return [{ message: errorText(error) }];
  return error.details.map((d) => {
    const first = d.pointer?.split('/')[1];
    return first && fields.includes(first) ? { field: first, message: `${first}: ${d.message}` } : { message: d.message };
  });
}

/**
 * The GOV.UK-style error summary at the top of a form: "There is a problem", then each
 * problem, linked to its field (focused on click, within the same shadow root).
 */
export class QafErrorSummary extends LitElement {
  static override properties = { errors: { attribute: false } };
  static override styles = css`
    :host { display: block; }
    div { border: 5px solid #d4351c; padding: 0.8rem 1rem; margin: 0 0 1rem; }
    h2 { margin: 0 0 0.5rem; font-size: 1.2rem; }
    a { color: #d4351c; font-weight: 700; }
    ul { margin: 0; padding-left: 1.2rem; }`;
  declare errors: FieldError[];

  constructor() {
    super();
    this.errors = [];
  }

  override updated(changed: Map<string, unknown>) {
    if (changed.has('errors') && this.errors.length > 0) this.renderRoot.querySelector<HTMLElement>('div')?.focus();
  }

  override render() {
    if (this.errors.length === 0) return nothing;
    return html`<div role="alert" tabindex="-1" aria-labelledby="title"><h2 id="title">There is a problem</h2><ul>
      ${this.errors.map((e) => html`<li>${e.field ? html`<a href=${`#${e.field}`} @click=${(ev: Event) => this._focus(ev, e.field!)}>${e.message}</a>` : e.message}</li>`)}
    </ul></div>`;
  }

  /** Focuses the field in the form's shadow root instead of following the link (the hash is the router's). */
  private _focus(e: Event, field: string) {
    e.preventDefault();
    const root = this.getRootNode() as ShadowRoot | Document;
    root.getElementById(field)?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-error-summary': QafErrorSummary;
  }
}
customElements.define('qaf-error-summary', QafErrorSummary);

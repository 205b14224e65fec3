import { LitElement, css, html } from 'lit';
import { counted } from '../format/count-words.js';
import type { PackChange } from '../api/api-types.js';
import { sharedStyles } from './shared-styles.js';

/** True for a change to the pack's cases (listed after the rules and thresholds they follow). */
const isCaseChange = (c: PackChange): boolean => c.pointer === '/cases' || c.pointer.startsWith('/cases/');

/**
 * The engine's diff of two packs, as the engine words it in the council's words ("Safeguarding
 * and safety, Silver: criteria rated Fully met, at least 12 -> 13 criteria"): rule and threshold
 * changes first, then the cases. Never a JSON path: the summary says where and what.
 */
export class QafDiffView extends LitElement {
  static override properties = { changes: { attribute: false } };
  static override styles = [sharedStyles, css`
    .added { color: var(--qaf-good, #00703c); } .removed { color: var(--qaf-bad, #b10e1e); }
    li { margin: 0.25rem 0; overflow-wrap: anywhere; }`];
  declare changes: PackChange[];

  constructor() {
    super();
    this.changes = [];
  }

  private list(title: string, changes: PackChange[]) {
    if (changes.length === 0) return '';
    return html`<p><strong>${title}</strong></p><ul>${changes.map((c) => html`<li class=${c.kind}>${c.summary}</li>`)}</ul>`;
  }

  override render() {
    if (this.changes.length === 0) return html`<p role="status">No differences: the two packs are the same.</p>`;
    return html`<p role="status">${counted(this.changes.length, 'change')}.</p>
      ${this.list('Rules, thresholds and wording', this.changes.filter((c) => !isCaseChange(c)))}
      ${this.list('Cases', this.changes.filter(isCaseChange))}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-diff-view': QafDiffView;
  }
}
customElements.define('qaf-diff-view', QafDiffView);

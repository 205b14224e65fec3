import { LitElement, css, html, nothing } from 'lit';
import { counted } from '../format/count-words.js';
import type { PackChange } from '../api/api-types.js';
import { pointerWords } from '../pack/plain-errors.js';
import { sharedStyles } from './shared-styles.js';

function short(v: unknown): string {
  if (v === undefined) return '';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 160 ? `${s.slice(0, 157)}…` : s;
}

/** The engine's readable diff of two packs: what changed, where, before and after. */
export class QafDiffView extends LitElement {
  static override properties = { changes: { attribute: false } };
  static override styles = [sharedStyles, css`.added { color: var(--qaf-good, #00703c); } .removed { color: var(--qaf-bad, #b10e1e); } code { font-size: 0.85rem; word-break: break-word; }`];
  declare changes: PackChange[];

  constructor() {
    super();
    this.changes = [];
  }

  override render() {
    if (this.changes.length === 0) return html`<p role="status">No differences: the two packs are the same.</p>`;
    return html`<p role="status">${counted(this.changes.length, 'change')}.</p><div class="scroll" tabindex="0"><table>
      <thead><tr><th scope="col">What changed</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
      <tbody>${this.changes.map((c) => html`<tr>
        <td><span class=${c.kind}>${c.summary}</span><div class="muted">${pointerWords(c.pointer)}</div></td>
        <td>${c.kind === 'added' ? nothing : html`<code>${short(c.before)}</code>`}</td>
        <td>${c.kind === 'removed' ? nothing : html`<code>${short(c.after)}</code>`}</td></tr>`)}</tbody>
    </table></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-diff-view': QafDiffView;
  }
}
customElements.define('qaf-diff-view', QafDiffView);

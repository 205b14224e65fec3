import { LitElement, css, html, nothing } from 'lit';
import type { Pack } from '@openqaf/engine';
import { sharedStyles } from './shared-styles.js';
import './qaf-citation.js';

/** The framework as the document lays it out: domains, standards and criteria with their flags. */
export class QafFrameworkView extends LitElement {
  static override properties = { pack: { attribute: false } };
  // Off screen, the framework is not laid out or painted until scrolled near: the pack page opens faster.
  static override styles = [sharedStyles, css`:host { content-visibility: auto; contain-intrinsic-block-size: auto 40rem; } ol { padding-left: 1.4rem; } li { margin: 0.2rem 0; } .id { font-family: ui-monospace, monospace; font-size: 0.85rem; color: var(--qaf-muted, #505a5f); }`];
  declare pack: Pack;

  override render() {
    const fw = this.pack?.framework;
    if (!fw) return html`<p class="muted">This pack has no framework of criteria.</p>`;
    const flags = fw.flags ?? {};
    return html`
      <p>Each ${fw.labels?.criterion?.toLowerCase() ?? 'criterion'} is judged ${fw.judgements.default.join(', ')}${Object.entries(fw.judgements.byFlag ?? {})
        .map(([flag, extra]) => html`; ${flags[flag]?.label ?? flag} ones may also be ${extra.join(', ')}`)}.</p>
      ${fw.domains.map((d) => html`
        <details>
          <summary>${d.title} <span class="muted">(${d.standards.reduce((n, s) => n + s.criteria.length, 0)} ${fw.labels?.criterion?.toLowerCase() ?? 'criteria'})</span></summary>
          ${d.standards.map((s) => html`
            <h4>${s.title} <qaf-citation .source=${s.source} .pack=${this.pack} interpretation=${s.interpretation ?? nothing}></qaf-citation></h4>
            <ol>${s.criteria.map((c) => html`<li><span class="id">${c.id}</span> ${c.title}${(c.flags ?? []).map(
              (f) => html`<span class="badge ${f}">${flags[f]?.label ?? f}</span>`,
            )}${c.placeholder ? html`<span class="badge">placeholder</span>` : nothing}</li>`)}</ol>`)}
        </details>`)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-framework-view': QafFrameworkView;
  }
}
customElements.define('qaf-framework-view', QafFrameworkView);

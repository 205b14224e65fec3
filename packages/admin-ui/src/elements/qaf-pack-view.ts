import { LitElement, css, html, nothing } from 'lit';
import type { Pack } from '@openqaf/engine';
import { longDate } from '../format/long-date.js';
import { isCategoryScale } from '../pack/scale-words.js';
import { sharedStyles } from './shared-styles.js';
import './qaf-citation.js';
import './qaf-decision-table.js';
import './qaf-framework-view.js';
import './qaf-outcomes-view.js';
import { ownMember } from '@openqaf/engine/browser';

/**
 * A pack read as the council's own document: bands and scales, mappings, the framework,
 * every decision's rules, actions, visits and scores, interpretations and sources.
 */
export class QafPackView extends LitElement {
  static override properties = { pack: { attribute: false } };
  static override styles = [sharedStyles, css`nav ul { columns: 2 14rem; padding-left: 1.2rem; } dl { display: grid; grid-template-columns: minmax(0, 18rem) minmax(0, 1fr); gap: 0.2rem 1rem; } dt { font-weight: 600; }
    @media (max-width: 40rem) { dl { display: block; } dd { margin: 0 0 0.8rem; } }`];
  declare pack: Pack;

  override render() {
    const p = this.pack;
    if (!p) return nothing;
    const listed = Object.entries(p.scales).filter(([, s]) => 'values' in s);
    return html`
      <p>${p.metadata.title} — version ${p.metadata.version}, in force from ${longDate(p.metadata.effectiveFrom)}.</p>
      ${p.metadata.description ? html`<p class="muted">${p.metadata.description}</p>` : nothing}
      <nav aria-label="Contents"><ul>
        <li><a href="#bands" @click=${this._jump}>Bands and scales</a></li>
        ${p.mappings ? html`<li><a href="#mappings" @click=${this._jump}>Mappings</a></li>` : nothing}
        ${p.framework ? html`<li><a href="#framework" @click=${this._jump}>Framework</a></li>` : nothing}
        <li><a href="#decisions" @click=${this._jump}>Decisions</a></li>
        <li><a href="#outcomes" @click=${this._jump}>Actions, visits and scores</a></li>
        <li><a href="#interpretations" @click=${this._jump}>Interpretations</a></li>
      </ul></nav>
      <h2 id="bands">Bands and scales</h2>
      <div class="scroll" tabindex="0"><table>
        <thead><tr><th scope="col">Scale</th><th scope="col">Values (ranked lowest first, "&lt;" between them)</th><th scope="col">Source</th></tr></thead>
        <tbody>${listed.map(([id, s]) => html`<tr><td>${s.label}</td><td>${'values' in s
          ? s.values.map((v, i) => html`${i ? (isCategoryScale(p, id) ? ', ' : ' < ') : ''}<span title=${ownMember(s.descriptions, v) ?? ''}>${v}</span>`)
          : nothing}</td><td><qaf-citation .source=${s.source} .pack=${p}></qaf-citation></td></tr>`)}</tbody>
      </table></div>
      ${p.mappings ? html`<h2 id="mappings">Mappings</h2>${Object.entries(p.mappings).map(([id, m]) => html`
        <h3>${m.label ?? id} <qaf-citation .source=${m.source} .pack=${p}></qaf-citation></h3>
        <table><tbody>${Object.entries(m.table).map(([from, to]) => html`<tr><td>${from}</td><td>→ ${to}</td></tr>`)}</tbody></table>`)}` : nothing}
      ${p.framework ? html`<h2 id="framework">Framework</h2><qaf-framework-view .pack=${p}></qaf-framework-view>` : nothing}
      <h2 id="decisions">Decisions</h2>
      <p>The headline is <strong>${ownMember(p.decisions, p.outcomes.headline)?.label ?? p.outcomes.headline}</strong>.</p>
      ${Object.keys(p.decisions).map((id) => html`<qaf-decision-table .pack=${p} decision-id=${id}></qaf-decision-table>`)}
      <h2 id="outcomes">Actions, visits and scores</h2>
      <qaf-outcomes-view .pack=${p}></qaf-outcomes-view>
      <h2 id="interpretations">Interpretations</h2>
      <p class="muted">Where the documents are silent, ambiguous or disagree, the pack reads them this way.</p>
      <dl>${Object.entries(p.interpretations ?? {}).map(([id, i]) => html`<dt id=${`interpretation-${id}`}>${i.title}</dt>
        <dd>${i.note} <qaf-citation .source=${i.source} .pack=${p}></qaf-citation></dd>`)}</dl>
      <h2>Sources</h2>
      <ul>${Object.entries(p.sources).map(([id, s]) => html`<li>${s.title}${s.date ? `, ${longDate(s.date)}` : ''} <span class="muted">(cited as ${id})</span></li>`)}</ul>`;
  }

  // In-page links must not change the hash, which carries the route.
  private _jump(e: Event) {
    e.preventDefault();
    const id = (e.currentTarget as HTMLAnchorElement).getAttribute('href')!.slice(1);
    this.renderRoot.querySelector(`#${id}`)?.scrollIntoView({ behavior: 'smooth' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-pack-view': QafPackView;
  }
}
customElements.define('qaf-pack-view', QafPackView);

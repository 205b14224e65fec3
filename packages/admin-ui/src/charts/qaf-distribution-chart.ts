import { LitElement, css, html, svg } from 'lit';
import { sharedStyles } from '../elements/shared-styles.js';
import { distributionBars } from './distribution-bars.js';

const SIZE = { width: 520, height: 240, pad: 28 };

/**
 * A bar chart of providers per band before and after (published pack vs draft), with the
 * same numbers as a table for screen readers and print.
 */
export class QafDistributionChart extends LitElement {
  static override properties = { order: { attribute: false }, published: { attribute: false }, draft: { attribute: false } };
  static override styles = [
    sharedStyles,
    css`svg { width: 100%; max-width: 40rem; height: auto; } .before { fill: #b1b4b6; } .after { fill: #0b5cad; } text { font: 12px system-ui, sans-serif; fill: #1b1b1b; }
      .key span { display: inline-block; width: 0.9rem; height: 0.9rem; vertical-align: -0.1rem; margin: 0 0.3rem 0 0.8rem; } .key .b { background: #b1b4b6; } .key .a { background: #0b5cad; }`,
  ];
  declare order: string[];
  declare published: Record<string, number>;
  declare draft: Record<string, number>;

  constructor() {
    super();
    this.order = [];
    this.published = {};
    this.draft = {};
  }

  override render() {
    const { bands, bars } = distributionBars(this.order, this.published, this.draft, SIZE);
    const slot = (SIZE.width - 2 * SIZE.pad) / Math.max(1, bands.length);
    return html`
      <figure>
        <svg viewBox="0 0 ${SIZE.width} ${SIZE.height + 20}" role="img" aria-label="Providers per band before and after the draft">
          <line x1=${SIZE.pad} x2=${SIZE.width - SIZE.pad} y1=${SIZE.height - SIZE.pad} y2=${SIZE.height - SIZE.pad} stroke="#1b1b1b"></line>
          ${bars.map((b) => svg`<rect class=${b.series} x=${b.x} y=${b.y} width=${b.width} height=${b.height}><title>${b.band} ${b.series}: ${b.count}</title></rect>
            <text x=${b.x + b.width / 2} y=${b.y - 4} text-anchor="middle">${b.count}</text>`)}
          ${bands.map((band, i) => svg`<text x=${SIZE.pad + i * slot + slot / 2} y=${SIZE.height - SIZE.pad + 16} text-anchor="middle">${band}</text>`)}
        </svg>
        <figcaption class="key"><span class="b"></span>Published pack <span class="a"></span>Draft</figcaption>
      </figure>
      <table>
        <thead><tr><th scope="col">Band</th><th scope="col">Published pack</th><th scope="col">Draft</th></tr></thead>
        <tbody>${bands.map((b) => html`<tr><th scope="row">${b}</th><td>${this.published[b] ?? 0}</td><td>${this.draft[b] ?? 0}</td></tr>`)}</tbody>
      </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-distribution-chart': QafDistributionChart;
  }
}
customElements.define('qaf-distribution-chart', QafDistributionChart);

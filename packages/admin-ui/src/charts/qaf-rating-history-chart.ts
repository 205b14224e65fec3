import { LitElement, css, html, svg } from 'lit';
import { sharedStyles } from '../elements/shared-styles.js';
import { ratingHistoryPoints } from './rating-history-points.js';

const SIZE = { width: 560, height: 180, left: 150, pad: 18 };

/** A provider's headline rating over time: a step line across the scale's bands. */
export class QafRatingHistoryChart extends LitElement {
  static override properties = { entries: { attribute: false }, order: { attribute: false } };
  static override styles = [sharedStyles, css`svg { width: 100%; max-width: 42rem; height: auto; } text { font: 12px system-ui, sans-serif; fill: #1b1b1b; } .grid { stroke: #dcdcdc; }`];
  declare entries: { date: string; value: unknown }[];
  declare order: string[];

  constructor() {
    super();
    this.entries = [];
    this.order = [];
  }

  override render() {
    if (this.entries.length === 0) return html`<p class="muted">No determinations yet.</p>`;
    const { points, rows } = ratingHistoryPoints(this.entries, this.order, SIZE);
    const rowY = (i: number) => SIZE.height - SIZE.pad - i * ((SIZE.height - 2 * SIZE.pad) / Math.max(1, rows.length - 1));
    const path = points.map((p, i) => (i === 0 ? `M${p.x},${p.y}` : `H${p.x}V${p.y}`)).join('');
    return html`<svg viewBox="0 0 ${SIZE.width} ${SIZE.height + 20}" role="img" aria-label=${`Rating history: ${points.map((p) => `${p.date} ${p.value}`).join(', ')}`}>
      ${rows.map((r, i) => svg`<line class="grid" x1=${SIZE.left} x2=${SIZE.width - SIZE.pad} y1=${rowY(i)} y2=${rowY(i)}></line><text x=${SIZE.left - 8} y=${rowY(i) + 4} text-anchor="end">${r}</text>`)}
      <path d=${path} fill="none" stroke="#0b5cad" stroke-width="2.5"></path>
      ${points.map((p) => svg`<circle cx=${p.x} cy=${p.y} r="5" fill="#0b5cad"><title>${p.date}: ${p.value}</title></circle>`)}
      <text x=${points[0]!.x} y=${SIZE.height + 14} text-anchor="start">${points[0]!.date}</text>
      ${points.length > 1 ? svg`<text x=${points.at(-1)!.x} y=${SIZE.height + 14} text-anchor="end">${points.at(-1)!.date}</text>` : ''}
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-rating-history-chart': QafRatingHistoryChart;
  }
}
customElements.define('qaf-rating-history-chart', QafRatingHistoryChart);

import { LitElement, css, html, svg } from 'lit';
import { sharedStyles } from '../elements/shared-styles.js';
import { longDate, longMonth } from '../format/long-date.js';
import { ratingMixBars } from './rating-mix-bars.js';
import type { MixPoint } from './rating-mix-bars.js';

const SIZE = { width: 640, height: 240, left: 36, pad: 20 };

/** Fill colours by stacking position, each with at least 3:1 contrast on white (WCAG 1.4.11). */
const PALETTE = ['#505a5f', '#d4351c', '#b35900', '#1d70b8', '#00703c', '#4c2c92', '#912b88', '#0b0c0c'];

/**
 * The rating mix over time: one stacked bar per month of how many providers held each rating,
 * with a key, and the same numbers as a table (months as rows, ratings highest first) for
 * screen readers and print. `order` is the headline scale, lowest first.
 */
export class QafRatingMixChart extends LitElement {
  static override properties = { points: { attribute: false }, order: { attribute: false } };
  static override styles = [
    sharedStyles,
    css`svg { width: 100%; max-width: 44rem; height: auto; } text { font: 12px system-ui, sans-serif; fill: #1b1b1b; } .axis { stroke: #1b1b1b; }
      .key { display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; padding: 0; list-style: none; } .key span { display: inline-block; width: 0.9rem; height: 0.9rem; vertical-align: -0.1rem; margin-right: 0.3rem; }
      .table-wrap { overflow-x: auto; }`,
  ];
  declare points: MixPoint[];
  declare order: string[];

  constructor() {
    super();
    this.points = [];
    this.order = [];
  }

  override render() {
    const { ratings, segments, max } = ratingMixBars(this.points, this.order, SIZE);
    if (ratings.length === 0) return html`<p class="muted">No providers yet.</p>`;
    const colour = (rating: string) => PALETTE[ratings.indexOf(rating) % PALETTE.length]!;
    const slot = (SIZE.width - SIZE.left - SIZE.pad) / Math.max(1, this.points.length);
    // Label every month when there is room, else every third.
    const every = this.points.length > 8 ? 3 : 1;
    const highestFirst = [...ratings].reverse();
    return html`
      <figure>
        <svg viewBox="0 0 ${SIZE.width} ${SIZE.height + 20}" role="img" aria-label=${`Rating mix by month, ${longMonth(this.points[0]!.month)} to ${longMonth(this.points.at(-1)!.month)}: the table below gives the numbers`}>
          <line class="axis" x1=${SIZE.left} x2=${SIZE.width - SIZE.pad} y1=${SIZE.height - SIZE.pad} y2=${SIZE.height - SIZE.pad}></line>
          <text x=${SIZE.left - 6} y=${SIZE.pad + 4} text-anchor="end">${max}</text>
          <text x=${SIZE.left - 6} y=${SIZE.height - SIZE.pad + 4} text-anchor="end">0</text>
          ${segments.map((s) => svg`<rect x=${s.x} y=${s.y} width=${s.width} height=${s.height} fill=${colour(s.rating)}><title>${longMonth(s.month)}: ${s.rating} ${s.count}</title></rect>`)}
          ${this.points.map((p, i) => (i % every === 0 || i === this.points.length - 1
            ? svg`<text x=${SIZE.left + i * slot + slot / 2} y=${SIZE.height - SIZE.pad + 16} text-anchor="middle">${longMonth(p.month).replace(/ (\d\d)(\d\d)$/, ' ’$2')}</text>`
            : ''))}
        </svg>
        <figcaption><ul class="key">${highestFirst.map((r) => html`<li><span style="background:${colour(r)}"></span>${r}</li>`)}</ul></figcaption>
      </figure>
      <div class="table-wrap" tabindex="0" role="region" aria-label="Rating mix by month">
        <table>
          <caption>Providers by rating at the end of each month</caption>
          <thead><tr><th scope="col">Month</th>${highestFirst.map((r) => html`<th scope="col">${r}</th>`)}</tr></thead>
          <tbody>${this.points.map((p) => html`<tr><th scope="row">${longMonth(p.month)}<span class="muted"> (to ${longDate(p.asOf)})</span></th>${highestFirst.map((r) => html`<td>${p.byRating[r] ?? 0}</td>`)}</tr>`)}</tbody>
        </table>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-rating-mix-chart': QafRatingMixChart;
  }
}
customElements.define('qaf-rating-mix-chart', QafRatingMixChart);

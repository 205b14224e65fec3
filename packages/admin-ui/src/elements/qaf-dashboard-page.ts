import { Task } from '@lit/task';
import { LitElement, css, html } from 'lit';
import { api } from '../api/api-client.js';
import { loadDashboard, loadRatingMix } from '../api/dashboard-api.js';
import type { DashboardData } from '../api/dashboard-api.js';
import type { MixPoint } from '../charts/rating-mix-bars.js';
import { noun } from '../format/count-words.js';
import { longDate } from '../format/long-date.js';
import { href } from '../routing/route.js';
import { sharedStyles } from './shared-styles.js';
import { renderTask } from './task-states.js';
import '../charts/qaf-rating-mix-chart.js';
import { ownMember } from '@openqaf/engine/browser';

/** The headline scale of the council's published pack, lowest first (empty when it has none). */
async function headlineOrder(council: string, signal: AbortSignal): Promise<string[]> {
  try {
    const { pack } = await api.pack(council, signal);
    const headline = pack ? ownMember(pack.decisions, pack.outcomes.headline) : undefined;
    const scale = headline ? ownMember(pack.scales, headline.scale) : undefined;
    return scale && 'values' in scale ? scale.values.map(String) : [];
  } catch {
    // No published pack yet: the chart still shows the buckets, in name order.
    return [];
  }
}

/** Counts of due and overdue items, in words. */
function dueWords(items: { overdue: boolean }[]): string {
  const overdue = items.filter((i) => i.overdue).length;
  return `${items.length - overdue} due, ${overdue} overdue`;
}

/**
 * The council dashboard: how many providers, visits and actions due in the next 30 days and
 * overdue (linking the work queue), and the rating mix over the last 12 months as a chart
 * with a table of the same numbers.
 */
export class QafDashboardPage extends LitElement {
  static override properties = { council: {} };
  static override styles = [
    sharedStyles,
    css`.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0.75rem; padding: 0; list-style: none; }
      .tiles li { border: 1px solid var(--qaf-line, #b1b4b6); padding: 0.6rem 0.8rem; } .tiles strong { font-size: 1.6rem; }
      .tiles .overdue strong { color: var(--qaf-bad, #b10e1e); }`,
  ];
  declare council: string;

  private _data = new Task(this, {
    task: async ([council], { signal }) => {
      const [dashboard, mix, order] = await Promise.all([loadDashboard(council, 30, signal), loadRatingMix(council, 12, signal), headlineOrder(council, signal)]);
      return { dashboard, points: mix.points, order };
    },
    args: () => [this.council] as const,
  });

  override render() {
    return renderTask(this._data, (d) => this._dashboard(d.dashboard, d.points, d.order), 'Loading the dashboard');
  }

  private _dashboard(d: DashboardData, points: MixPoint[], order: string[]) {
    const overdue = d.visits.filter((v) => v.overdue).length + d.actions.filter((a) => a.overdue).length;
    return html`
      <p>As of ${longDate(d.today)}, looking ahead to ${longDate(d.until)}.</p>
      <ul class="tiles">
        <li><strong>${d.providers}</strong> ${noun(d.providers, 'provider')}</li>
        <li><strong>${d.visits.length}</strong> ${noun(d.visits.length, 'visit')}: ${dueWords(d.visits)}</li>
        <li><strong>${d.actions.length}</strong> ${noun(d.actions.length, 'action')}: ${dueWords(d.actions)}</li>
        <li class=${overdue ? 'overdue' : ''}><strong>${overdue}</strong> overdue in all</li>
      </ul>
      <p><a href=${href({ page: 'work-queue', council: this.council })}>Open the work queue</a></p>
      <h2>Rating mix over the last 12 months</h2>
      <qaf-rating-mix-chart .points=${points} .order=${order}></qaf-rating-mix-chart>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-dashboard-page': QafDashboardPage;
  }
}
customElements.define('qaf-dashboard-page', QafDashboardPage);

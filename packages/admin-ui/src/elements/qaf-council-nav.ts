import { LitElement, css, html } from 'lit';
import type { Route } from '../routing/route.js';
import { href } from '../routing/route.js';
import { sharedStyles } from './shared-styles.js';

const TABS: { page: Route['page']; label: string }[] = [
  { page: 'pack', label: 'Pack' },
  { page: 'edit', label: 'Edit draft' },
  { page: 'json', label: 'JSON' },
  { page: 'checks', label: 'Cases & analysis' },
  { page: 'what-if', label: 'What-if' },
  { page: 'publish', label: 'Publish' },
  { page: 'versions', label: 'Versions' },
  { page: 'providers', label: 'Providers' },
  { page: 'dashboard', label: 'Dashboard' },
  { page: 'work-queue', label: 'Work queue' },
  { page: 'reports', label: 'Reports' },
  { page: 'import', label: 'Import & export' },
];

/** The tabs only a council admin sees. */
const ADMIN_TABS: { page: Route['page']; label: string }[] = [
  { page: 'members', label: 'Users & roles' },
  { page: 'audit', label: 'Audit log' },
];

/** The council's pages as tabs; the current one is marked for assistive technology. */
export class QafCouncilNav extends LitElement {
  static override properties = { council: {}, current: {}, admin: { type: Boolean } };
  static override styles = [
    sharedStyles,
    css`nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem; list-style: none; padding: 0; margin: 0 0 1rem; border-bottom: 2px solid #0b0c0c; }
      a { display: block; padding: 0.5rem 0.8rem; text-decoration: none; border: 1px solid transparent; border-bottom: none; }
      a[aria-current='page'] { border-color: #0b0c0c; background: #fff; font-weight: 700; margin-bottom: -2px; border-bottom: 2px solid #fff; }
      @media print { :host { display: none; } }`,
  ];
  declare council: string;
  declare current: Route['page'];
  /** Shows the council admin's tabs. */
  declare admin: boolean;

  constructor() {
    super();
    this.admin = false;
  }

  override render() {
    return html`<nav aria-label="Council pages"><ul>${[...TABS, ...(this.admin ? ADMIN_TABS : [])].map((t) => html`<li><a href=${href({ page: t.page, council: this.council } as Route)}
      aria-current=${t.page === this.current ? 'page' : 'false'}>${t.label}</a></li>`)}</ul></nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-council-nav': QafCouncilNav;
  }
}
customElements.define('qaf-council-nav', QafCouncilNav);

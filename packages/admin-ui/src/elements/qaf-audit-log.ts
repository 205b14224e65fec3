import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import type { AuditRecord } from '@openqaf/server';
import { adminApi } from '../api/admin-api.js';
import type { AuditFilterInput } from '../api/admin-api.js';
import { errorText } from '../api/api-error.js';
import { counted } from '../format/count-words.js';
import { longDateTime } from '../format/long-date.js';
import { AUDIT_KINDS, auditKind } from './audit-kinds.js';
import { sharedStyles } from './shared-styles.js';
import { renderTask } from './task-states.js';
import './qaf-error-summary.js';

/** Who may appear in the user filter: id and the words to show. */
interface Person {
  id: string;
  label: string;
}

/**
 * The audit log: a council's (council admin) or, without `council`, the whole log (platform
 * admin). Filter by user, council, provider, kind of change and dates; open an entry to see
 * what changed.
 */
export class QafAuditLog extends LitElement {
  static override properties = {
    council: {},
    platformAdmin: { type: Boolean, attribute: 'platform-admin' },
    _filter: { state: true },
    _open: { state: true },
    _more: { state: true },
    _error: { state: true },
  };
  static override styles = [sharedStyles, css`
    form.filters { display: flex; flex-wrap: wrap; gap: 0.8rem; align-items: end; } form.filters > div { min-width: 0; max-width: 100%; }
    dl { display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 1fr); gap: 0.3rem 1rem; } dt { font-weight: 700; } dd { margin: 0; overflow-wrap: anywhere; }
    pre { white-space: pre-wrap; overflow-wrap: anywhere; }`];
  declare council: string | undefined;
  declare platformAdmin: boolean;
  declare private _filter: AuditFilterInput;
  declare private _open: AuditRecord | undefined;
  declare private _more: { entries: AuditRecord[]; nextCursor: string | null } | undefined;
  declare private _error: string;

  private _entries = new Task(this, {
    task: ([council, filter], { signal }) => {
      this._more = undefined;
      return adminApi.audit(council, filter, signal);
    },
    args: () => [this.council, this._filter] as const,
  });

  /** The people the user filter offers: the council's members, or every user for a platform admin. */
  /** The council's provider fields, to name a provider edit's changes by the pack's titles. */
  private _fieldTitles = new Task(this, {
    task: async ([council], { signal }) => (council ? adminApi.providerFields(council, signal) : []),
    args: () => [this.council] as const,
  });

  private _people = new Task(this, {
    task: async ([council, platform], { signal }): Promise<Person[]> => {
      const label = (u: { email: string; name: string }) => (u.name ? `${u.name} (${u.email})` : u.email);
      if (platform) return (await adminApi.users(signal)).map((u) => ({ id: u.id, label: label(u) }));
      return council ? (await adminApi.members(council, signal)).map((m) => ({ id: m.id, label: label(m) })) : [];
    },
    args: () => [this.council, this.platformAdmin] as const,
  });

  constructor() {
    super();
    this.platformAdmin = false;
    this._filter = {};
    this._error = '';
  }

  override render() {
    return html`
      <form class="filters" role="search" aria-label="Filter the audit log" @submit=${this._apply}>
        <div><label for="actor">User</label><select id="actor" name="actor"><option value="">Anyone</option>
          ${(this._people.value ?? []).map((p) => html`<option value=${p.id}>${p.label}</option>`)}</select></div>
        ${this.council === undefined ? html`<div><label for="council">Council id</label><input id="council" name="council" /></div>` : nothing}
        <div><label for="action">Kind of change</label><select id="action" name="action"><option value="">Any</option>
          ${Object.entries(AUDIT_KINDS).map(([k, words]) => html`<option value=${k}>${words}</option>`)}</select></div>
        <div><label for="provider">Provider id</label><input id="provider" name="provider" /></div>
        <div><label for="from">From</label><input id="from" name="from" type="date" /></div>
        <div><label for="to">To</label><input id="to" name="to" type="date" /></div>
        <button>Filter</button>
      </form>
      ${this._error ? html`<qaf-error-summary .errors=${[{ message: this._error }]}></qaf-error-summary>` : nothing}
      ${this._open ? this._detail(this._open) : nothing}
      ${renderTask(this._entries, (first) => this._table(first), 'Loading the audit log…')}`;
  }

  private _name(id: string | null): string {
    if (id === null) return '';
    if (id === 'system') return 'the system';
    return this._people.value?.find((p) => p.id === id)?.label ?? id;
  }

  private _table(first: { entries: AuditRecord[]; nextCursor: string | null }) {
    const entries = [...first.entries, ...(this._more?.entries ?? [])];
    const next = this._more ? this._more.nextCursor : first.nextCursor;
    if (entries.length === 0) return html`<qaf-status kind="empty" message="No entry matches."></qaf-status>`;
    return html`<p class="muted">${counted(entries.length, 'entry', 'entries')}${next ? ' so far' : ''}</p>
      <div class="scroll" tabindex="0"><table>
      <thead><tr><th scope="col">When</th><th scope="col">Who</th>${this.council === undefined ? html`<th scope="col">Council</th>` : nothing}<th scope="col">Change</th><th scope="col">Thing</th><th scope="col"><span class="muted">Entry</span></th></tr></thead>
      <tbody>${entries.map((e) => html`<tr>
        <td>${longDateTime(e.at)}</td><td>${this._name(e.actor)}</td>${this.council === undefined ? html`<td>${e.councilId ?? ''}</td>` : nothing}
        <td>${auditKind(e.action)}</td><td>${e.entity}${e.entityId ? html` <span class="muted">${e.entityId}</span>` : nothing}</td>
        <td><button class="secondary" @click=${() => this._show(e.id)} aria-label=${`Open entry ${e.id}`}>Open</button></td></tr>`)}</tbody>
      </table></div>
      ${next ? html`<button class="more" @click=${() => this._showMore(next)}>Show more entries</button>` : nothing}`;
  }

  private _detail(e: AuditRecord) {
    const detail = Object.entries(e.detail ?? {});
    return html`<section aria-labelledby="entry-title" class="notice">
      <h2 id="entry-title" tabindex="-1">${auditKind(e.action)} — entry ${e.id}</h2>
      <dl>
        <dt>When</dt><dd>${longDateTime(e.at)}</dd>
        <dt>Who</dt><dd>${this._name(e.actor)}</dd>
        <dt>Council</dt><dd>${e.councilId ?? 'none (platform)'}</dd>
        <dt>Thing changed</dt><dd>${e.entity} ${e.entityId ?? ''}</dd>
        <dt>Before (content hash)</dt><dd>${e.beforeHash ?? 'nothing before'}</dd>
        <dt>After (content hash)</dt><dd>${e.afterHash ?? 'nothing after'}</dd>
        ${this._changes(e)}
        ${detail.filter(([k]) => k !== 'changes').map(([k, v]) => html`<dt>${k}</dt><dd>${typeof v === 'string' || typeof v === 'number' ? String(v) : html`<pre>${JSON.stringify(v, null, 2)}</pre>`}</dd>`)}
      </dl>
      <button class="secondary" @click=${() => (this._open = undefined)}>Close</button></section>`;
  }

  /** A provider edit's changes in words: "Beds: 40 -> 42", by the pack's titles where the council's fields have them. */
  private _changes(e: AuditRecord) {
    const changes = (e.detail as { changes?: { field: string; before: unknown; after: unknown }[] } | null)?.changes;
    if (!Array.isArray(changes) || changes.length === 0) return nothing;
    const titles = new Map((this._fieldTitles.value ?? []).map((f) => [f.field, f.title]));
    const shown = (v: unknown) => (v === null || v === undefined ? 'not recorded' : String(v));
    return html`<dt>What changed</dt><dd><ul>${changes.map((ch) => html`<li>${titles.get(ch.field) ?? ch.field}: ${shown(ch.before)} → ${shown(ch.after)}</li>`)}</ul></dd>`;
  }

  private _apply(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const get = (k: string) => String(data.get(k) ?? '').trim() || undefined;
    const provider = get('provider');
    this._error = '';
    this._filter = { actor: get('actor'), council: get('council'), action: get('action'), from: get('from'), to: get('to'), ...(provider ? { entity: 'provider', entityId: provider } : {}) };
  }

  private async _show(id: number) {
    try {
      this._open = await adminApi.auditEntry(this.council, String(id));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#entry-title')?.focus();
    } catch (error) {
      this._error = errorText(error);
    }
  }

  private async _showMore(cursor: string) {
    try {
      const page = await adminApi.audit(this.council, { ...this._filter, cursor });
      this._more = { entries: [...(this._more?.entries ?? []), ...page.entries], nextCursor: page.nextCursor };
    } catch (error) {
      this._error = errorText(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-audit-log': QafAuditLog;
  }
}
customElements.define('qaf-audit-log', QafAuditLog);

import type { Task } from '@lit/task';
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { ApiError, errorText } from '../api/api-error.js';
import './qaf-status.js';

/**
 * Renders a task's loading and error states with `qaf-status` and its value with `complete`,
 * so a slow or failing server never leaves a page blank.
 */
export function renderTask<T>(task: Task<readonly unknown[], T>, complete: (value: T) => unknown, loading = 'Loading…'): unknown {
  return task.render({
    initial: () => html`<qaf-status kind="loading" message=${loading}></qaf-status>`,
    pending: () => html`<qaf-status kind="loading" message=${loading}></qaf-status>`,
    complete,
    error: (error) => errorState(error),
  });
}

/** An error in words, with the first located problems the server named and a hint when signed out. */
export function errorState(error: unknown): TemplateResult {
  const details = error instanceof ApiError ? error.details : [];
  const hint = error instanceof ApiError && error.signedOut ? ' Sign in again to continue.' : error instanceof ApiError && error.status === 403 ? ' Your role in this council does not allow this.' : '';
  return html`<qaf-status kind="error" message=${errorText(error) + hint}>${details.length
    ? html`<ul>${details.slice(0, 8).map((d) => html`<li>${d.message}</li>`)}${details.length > 8 ? html`<li>and ${details.length - 8} more</li>` : ''}</ul>`
    : ''}</qaf-status>`;
}

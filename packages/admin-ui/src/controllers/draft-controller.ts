import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { counted } from '../format/count-words.js';
import type { Pack } from '@openqaf/engine';
import type { ApiClient } from '../api/api-client.js';
import { ApiError, errorText } from '../api/api-error.js';
import { fieldProblems, pointerWords } from '../pack/plain-errors.js';
import { reapplyEdits } from '../pack/reapply-edits.js';
import { trackUnsaved } from './unsaved-changes.js';
import type { FieldProblem } from '../pack/plain-errors.js';

/** How long typing pauses before the engine re-validates the whole pack. */
export const VALIDATE_DELAY_MS = 250;

let engineValidation: Promise<typeof import('@openqaf/engine/browser').validatePack> | undefined;

/**
 * The engine's pack validation, loaded on the first edit rather than with the page: it carries
 * a JSON Schema compiler that takes a second or more to load and compile on a slow machine.
 */
function validatePackLater() {
  engineValidation ??= import('@openqaf/engine/browser').then((engine) => engine.validatePack);
  return engineValidation;
}

/**
 * A council's working draft: loads it with its ETag and the server's validation of it (both at
 * once), keeps the edited copy, validates it with the engine in the browser as it changes (the
 * same validation the server runs, loaded on the first edit), and saves it with If-Match
 * so no one else's edit is overwritten. While it has unsaved changes, leaving the page asks
 * first; a save refused because someone else saved first can reload their draft and re-apply
 * this page's changes on it (`reapply`).
 */
export class DraftController implements ReactiveController {
  state: 'loading' | 'ready' | 'error' = 'loading';
  error = '';
  content: Record<string, unknown> | undefined;
  etag: string | null = null;
  revision = 0;
  dirty = false;
  saving = false;
  /** True when the last save was refused because someone else saved the draft first (409 or 412). */
  conflict = false;
  /** The engine's problems with the edited copy, in plain words. */
  problems: FieldProblem[] = [];
  /** False until the first validation of the loaded draft has answered (the page is shown before). */
  checked = false;
  /** A message after saving (or failing to). */
  message: { kind: 'good' | 'bad'; text: string } | undefined;
  private _council = '';
  private _timer: ReturnType<typeof setTimeout> | undefined;
  /** The draft as last loaded or saved: what this page's changes are changes from. */
  private _base: Record<string, unknown> | undefined;
  private _untrack: (() => void) | undefined;

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _api: ApiClient,
  ) {
    _host.addController(this);
  }

  hostConnected(): void {
    this._untrack ??= trackUnsaved(() => this.dirty);
  }

  hostDisconnected(): void {
    clearTimeout(this._timer);
    this._untrack?.();
    this._untrack = undefined;
  }

  /** The edited copy as a pack (for reading; it may be invalid). */
  get pack(): Pack | undefined {
    return this.content as unknown as Pack | undefined;
  }

  /** Loads the council's draft, dropping unsaved edits. */
  async load(council: string): Promise<void> {
    this._council = council;
    this.state = 'loading';
    this.message = undefined;
    this._host.requestUpdate();
    try {
      // Asked for together; the page shows the draft without waiting for its validation.
      const validation = this._api.validateDraft(council).catch(() => undefined);
      const { draft, etag } = await this._api.draft(council);
      if (council !== this._council) return;
      Object.assign(this, { content: draft.content, _base: draft.content, etag, revision: draft.revision, dirty: false, conflict: false, checked: false, problems: [], state: 'ready' });
      void validation.then((checked) => {
        if (council !== this._council || this.content !== draft.content) return;
        // The server's validation, when it is of this revision; otherwise the engine's here.
        if (!checked || checked.revision !== draft.revision) return void this.validateNow();
        this.problems = fieldProblems(checked.errors);
        this.checked = true;
        this._host.requestUpdate();
      });
    } catch (error) {
      this.state = 'error';
      this.error = errorText(error);
    }
    this._host.requestUpdate();
  }

  /** Replaces the edited copy and re-validates it shortly. */
  update(content: Record<string, unknown>): void {
    this.content = content;
    this.dirty = true;
    this.message = undefined;
    clearTimeout(this._timer);
    this._timer = setTimeout(() => void this.validateNow(), VALIDATE_DELAY_MS);
    this._host.requestUpdate();
  }

  /** Validates the edited copy with the engine now (once the engine's validation has loaded). */
  async validateNow(): Promise<void> {
    const content = this.content;
    if (!content) return;
    const validatePack = await validatePackLater();
    // Edited again meanwhile: the validation of the newer copy follows.
    if (content !== this.content) return;
    this.problems = fieldProblems(validatePack(content).errors);
    this.checked = true;
    this._host.requestUpdate();
  }

  /** Saves the edited copy (drafts may be saved while invalid; publishing checks everything). */
  async save(): Promise<boolean> {
    if (!this.content) return false;
    this.saving = true;
    this._host.requestUpdate();
    try {
      const saved = await this._api.saveDraft(this._council, this.content, this.etag);
      Object.assign(this, { etag: saved.etag, revision: saved.revision, dirty: false, conflict: false, _base: this.content });
      this.problems = fieldProblems(saved.errors);
      this.checked = true;
      this.message = saved.valid
        ? { kind: 'good', text: `Draft saved (revision ${saved.revision}). It is valid.` }
        : { kind: 'bad', text: `Draft saved (revision ${saved.revision}), but it has ${counted(saved.errors.length, 'problem')} to fix before it can be published.` };
      return true;
    } catch (error) {
      this.conflict = error instanceof ApiError && (error.status === 409 || error.status === 412);
      this.message = {
        kind: 'bad',
        text: this.conflict
          ? 'Not saved: someone else saved the draft after you opened it. Your changes are still on this page: reload their draft and reapply your changes on it, then check and save.'
          : errorText(error),
      };
      return false;
    } finally {
      this.saving = false;
      this._host.requestUpdate();
    }
  }

  /**
   * After a conflicting save: loads the draft someone else saved and re-applies this page's
   * changes on it (theirs kept wherever this page changed nothing). The result is not saved:
   * the page shows it to check, and says where both changed the same value (this page's kept).
   */
  async reapply(): Promise<void> {
    const mine = this.content;
    const base = this._base;
    if (!mine || !base) return this.load(this._council);
    this.saving = true;
    this._host.requestUpdate();
    try {
      const { draft, etag } = await this._api.draft(this._council);
      const { content, overwritten } = reapplyEdits(base, mine, draft.content);
      Object.assign(this, { content, _base: draft.content, etag, revision: draft.revision, dirty: true, conflict: false });
      this.message = {
        kind: overwritten.length ? 'bad' : 'good',
        text: `Reloaded the draft as saved by someone else (revision ${draft.revision}) and reapplied your changes on it. Check them and save.`
          + (overwritten.length ? ` You both changed ${overwritten.map(pointerWords).join('; ')}: your value is kept there.` : ''),
      };
      void this.validateNow();
    } catch (error) {
      this.message = { kind: 'bad', text: `Could not reload the draft: ${errorText(error)}. Your changes are still on this page.` };
    } finally {
      this.saving = false;
      this._host.requestUpdate();
    }
  }
}

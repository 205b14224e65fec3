/** What the browser and the app ask before a page with unsaved changes is left. */
export const LEAVE_QUESTION = 'You have changes to the draft that are not saved. Leave this page and lose them?';

/** Each open editor's "are there unsaved changes?". */
const editors = new Set<() => boolean>();

/** True when any open editor has changes not saved. */
export function hasUnsavedChanges(): boolean {
  return [...editors].some((dirty) => dirty());
}

/** The browser's own warning on closing or reloading the tab (its words; browsers ignore ours). */
function warnOnUnload(e: BeforeUnloadEvent): void {
  if (!hasUnsavedChanges()) return;
  e.preventDefault();
  // Older browsers show the warning only when returnValue is set.
  e.returnValue = LEAVE_QUESTION;
}

/**
 * Registers an editor's unsaved-changes test while it is on the page: closing or reloading the
 * tab then warns (beforeunload) while it says there are unsaved changes, and in-app navigation
 * asks first (see `mayLeave`). Returns the function that unregisters it.
 * @example
 * const untrack = trackUnsaved(() => this.dirty); // in hostConnected; untrack() in hostDisconnected
 */
export function trackUnsaved(dirty: () => boolean): () => void {
  if (editors.size === 0) window.addEventListener('beforeunload', warnOnUnload);
  editors.add(dirty);
  return () => {
    editors.delete(dirty);
    if (editors.size === 0) window.removeEventListener('beforeunload', warnOnUnload);
  };
}

/**
 * True when the app may go to another page: nothing is unsaved, or the user says to leave
 * (and lose the changes) when asked.
 */
export function mayLeave(ask: (question: string) => boolean = (q) => window.confirm(q)): boolean {
  return !hasUnsavedChanges() || ask(LEAVE_QUESTION);
}

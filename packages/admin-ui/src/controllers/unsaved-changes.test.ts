import { afterEach, describe, expect, it } from 'vitest';
import { LEAVE_QUESTION, hasUnsavedChanges, mayLeave, trackUnsaved } from './unsaved-changes.js';

const untracks: (() => void)[] = [];
afterEach(() => { for (const u of untracks.splice(0)) u(); });

/** Dispatches a beforeunload event and says whether the page asked to stay. */
function unloadAsks(): boolean {
  const e = new Event('beforeunload', { cancelable: true }) as BeforeUnloadEvent;
  window.dispatchEvent(e);
  return e.defaultPrevented;
}

describe('unsaved changes', () => {
  it('lets the app leave without asking when no editor has unsaved changes', () => {
    untracks.push(trackUnsaved(() => false));
    const asked: string[] = [];
    expect(mayLeave((q) => { asked.push(q); return false; })).toBe(true);
    expect(asked).toEqual([]);
    expect(unloadAsks()).toBe(false);
  });

  it('asks before leaving while an editor has unsaved changes, and stays when told to', () => {
    let dirty = true;
    untracks.push(trackUnsaved(() => dirty));
    const asked: string[] = [];
    expect(mayLeave((q) => { asked.push(q); return false; })).toBe(false);
    expect(asked).toEqual([LEAVE_QUESTION]);
    expect(mayLeave(() => true)).toBe(true);
    expect(unloadAsks()).toBe(true);
    dirty = false;
    expect(hasUnsavedChanges()).toBe(false);
    expect(unloadAsks()).toBe(false);
  });

  it('forgets an editor once it leaves the page', () => {
    const untrack = trackUnsaved(() => true);
    expect(hasUnsavedChanges()).toBe(true);
    untrack();
    expect(hasUnsavedChanges()).toBe(false);
    expect(unloadAsks()).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { casePack, determination } from '../pack/case-pack.test-helpers.js';
import type { CaseEditRequest } from './qaf-case-editor.js';
import { mount, text } from './mount.test-helpers.js';
import './qaf-case-editor.js';

const pack = casePack();

async function editor(props: Partial<HTMLElementTagNameMap['qaf-case-editor']> = {}) {
  const el = await mount('qaf-case-editor', { pack, index: 0, ...props });
  const seen: CaseEditRequest[] = [];
  el.addEventListener('case-edit', (e) => seen.push((e as CustomEvent<CaseEditRequest>).detail));
  const button = (words: string) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === words)!;
  return { el, seen, button, $: <T extends Element>(s: string) => el.shadowRoot!.querySelector<T>(s)! };
}

describe('qaf-case-editor', () => {
  it('shows the last run\'s failures in plain words, marked when the case changed since', async () => {
    const result = { id: 'safe-silver-at-2', note: '', ok: false, failures: ['decision domainRating.safe: expected "Silver", got "Bronze"'], determination: determination({ headline: 'Bronze' }) };
    const { el } = await editor({ result, stale: true });
    expect(text(el)).toContain('Last run (before your changes): failed');
    expect(text(el)).toContain('Domain rating — Safe: expected Silver, got Bronze');
    expect(text(el)).toContain('run the cases again');
  });

  it('edits the note and the citation as replacements of the case', async () => {
    const { $, seen } = await editor();
    const note = $<HTMLTextAreaElement>('#note');
    note.value = 'Two of three Fully met is Silver (document 000 s3.2)';
    note.dispatchEvent(new Event('input'));
    const section = $<HTMLSelectElement>('#section');
    section.value = '3.1';
    section.dispatchEvent(new Event('change'));
    expect(seen[0]).toMatchObject({ pointer: '/cases/0/note', edit: { kind: 'replace', index: 0, case: { note: 'Two of three Fully met is Silver (document 000 s3.2)' } } });
    expect(seen[1]!.edit).toMatchObject({ kind: 'replace', case: { source: { doc: '000', section: '3.1' } } });
  });

  it('refuses an id another case has, at the field', async () => {
    const { el, $, seen } = await editor();
    const id = $<HTMLInputElement>('#id');
    id.value = 'safe-bronze-at-1';
    id.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(seen).toEqual([{ pointer: '/cases/0/id', problem: 'Another case is already called "safe-bronze-at-1".' }]);
    expect(id.getAttribute('aria-invalid')).toBe('true');
  });

  it('copies a case under a new id the person gives, refusing one already used', async () => {
    const { el, $, button, seen } = await editor();
    button('Copy this case').click();
    await el.updateComplete;
    const copyId = $<HTMLInputElement>('#copy-id');
    expect(copyId.value).toBe('safe-silver-at-2-copy');
    expect(el.shadowRoot!.activeElement).toBe(copyId);
    copyId.value = 'refuses-unjudged';
    button('Make the copy').click();
    await el.updateComplete;
    expect(text(el)).toContain('Another case is already called "refuses-unjudged".');
    expect(seen).toEqual([]);
    copyId.value = 'safe-silver-at-3';
    button('Make the copy').click();
    expect(seen).toEqual([{ pointer: '/cases/0', edit: { kind: 'copy', index: 0, id: 'safe-silver-at-3' } }]);
  });

  it('deletes a case only after the person confirms, and keeps it when they do not', async () => {
    const { el, button, seen } = await editor();
    button('Delete this case').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alertdialog"]')!.textContent).toContain('Delete the case “safe-silver-at-2”?');
    expect(el.shadowRoot!.activeElement).toBe(button('Keep it'));
    button('Keep it').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alertdialog"]')).toBeNull();
    expect(seen).toEqual([]);
    button('Delete this case').click();
    await el.updateComplete;
    button('Delete the case').click();
    expect(seen).toEqual([{ pointer: '/cases/0', edit: { kind: 'delete', index: 0 } }]);
  });

  it('passes an edit from the expectations on as a replacement of this case', async () => {
    const { el, seen } = await editor({ index: 1 });
    const expectations = el.shadowRoot!.querySelector('qaf-expectation-editor')!;
    const headline = expectations.shadowRoot!.querySelector('qaf-expected-value')!;
    const select = headline.shadowRoot!.querySelector('select')!;
    select.value = '"Inadequate"';
    select.dispatchEvent(new Event('change'));
    expect(seen).toHaveLength(1);
    expect(seen[0]!.pointer).toBe('/cases/1/want/headline');
    expect(seen[0]!.edit).toMatchObject({ kind: 'replace', index: 1, case: { id: 'safe-bronze-at-1', want: { headline: 'Inadequate' } } });
  });

  it('is read only for someone who cannot edit: no copy, delete or changes', async () => {
    const { $, button } = await editor({ readonly: true });
    expect($<HTMLInputElement>('#id').readOnly).toBe(true);
    expect(button('Copy this case')).toBeUndefined();
    expect(button('Delete this case')).toBeUndefined();
  });

  it('lists a problem the fields do not show at the top of the case, saying where it is', async () => {
    const { el } = await editor({ problems: [
      { pointer: '/cases/0/input/visitor', message: 'Case "safe-silver-at-2" input has an unknown key "visitor".' },
      { pointer: '/cases/0/note', message: 'Must be string.' },
    ] });
    const top = [...el.shadowRoot!.querySelectorAll('.top-problem')].map((p) => p.textContent);
    expect(top).toEqual(['cases › 1 › input › visitor: Case "safe-silver-at-2" input has an unknown key "visitor".']);
    expect(el.shadowRoot!.querySelector('#note')!.getAttribute('aria-invalid')).toBe('true');
  });
});

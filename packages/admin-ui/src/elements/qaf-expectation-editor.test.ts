import type { PackCase } from '@openqaf/engine';
import { describe, expect, it } from 'vitest';
import { casePack, determination } from '../pack/case-pack.test-helpers.js';
import type { CaseChange } from './qaf-expectation-editor.js';
import { EXPECTED_FROM_DOCUMENT } from './qaf-expectation-editor.js';
import { chosen, mount, text } from './mount.test-helpers.js';
import './qaf-expectation-editor.js';

const pack = casePack();
const silver = pack.cases![0]!;
const ran = determination({ headline: 'Bronze', decisions: { 'domainRating.safe': 'Bronze', visitTypes: ['Annual'] }, actions: [{ id: 'iap', label: 'Submit an Improvement Action Plan', owner: 'provider', due: '2025-03-08', source: '000 s4.1' }] });

async function editor(c: PackCase = silver) {
  const el = await mount('qaf-expectation-editor', { pack, case: c, base: '/cases/0', determination: ran });
  const seen: CaseChange[] = [];
  el.addEventListener('case-change', (e) => seen.push((e as CustomEvent<CaseChange>).detail));
  return { el, seen };
}

const button = (root: ShadowRoot, words: string) => [...root.querySelectorAll('button')].find((b) => b.textContent!.replace(/\s+/g, ' ').trim() === words)!;

describe('qaf-expectation-editor', () => {
  it('says in one sentence that expected values come from the document, not the engine', async () => {
    const { el } = await editor();
    expect(text(el)).toContain(EXPECTED_FROM_DOCUMENT);
  });

  it('never fills in an expected value from the last run: a newly expected decision waits for the person to choose', async () => {
    const { el, seen } = await editor();
    const add = el.shadowRoot!.querySelector<HTMLSelectElement>('#add-decision')!;
    add.value = 'overall';
    button(el.shadowRoot!, 'Add the expected decision').click();
    await el.updateComplete;
    const added = [...el.shadowRoot!.querySelectorAll('qaf-expected-value')].find((v) => v.target.id === 'overall')!;
    await added.updateComplete;
    expect(added.value).toBeUndefined();
    expect(chosen(added.shadowRoot!.querySelector('select')!)).toBe('');
    expect(added.shadowRoot!.textContent).toContain('Last run: Bronze');
    expect(seen).toEqual([]);
    const select = added.shadowRoot!.querySelector('select')!;
    select.value = '"Silver"';
    select.dispatchEvent(new Event('change'));
    expect(seen).toHaveLength(1);
    expect(seen[0]!.pointer).toBe('/cases/0/want/decisions/overall');
    expect(seen[0]!.case!.want!.decisions).toEqual({ 'domainRating.safe': 'Silver', overall: 'Silver' });
  });

  it('changes an expected decision and stops expecting one', async () => {
    const { el, seen } = await editor();
    const safe = el.shadowRoot!.querySelector('qaf-expected-value')!;
    const select = safe.shadowRoot!.querySelector('select')!;
    select.value = '"Bronze"';
    select.dispatchEvent(new Event('change'));
    expect(seen[0]!.case!.want).toEqual({ decisions: { 'domainRating.safe': 'Bronze' } });
    [...safe.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.startsWith('Stop expecting this'))!.click();
    expect(seen[1]!.case!.want).toEqual({});
  });

  it('adds an expected action from the pack\'s list, with its due date, and marks the case as expecting no other', async () => {
    const { el, seen } = await editor();
    const actions = el.shadowRoot!.querySelector('qaf-pick-list')!;
    button(actions.shadowRoot!, 'Add to “Actions expected”').click();
    expect(seen[0]!.case!.want!.actions).toEqual(['iap']);
    const withAction = await editor({ ...silver, want: { actions: ['iap'] } });
    const list = withAction.el.shadowRoot!.querySelector('qaf-pick-list')!;
    expect(list.shadowRoot!.textContent).toContain('Last run: triggered, due 2025-03-08');
    const due = list.shadowRoot!.querySelector<HTMLInputElement>('input[type="date"]')!;
    due.value = '2025-03-08';
    due.dispatchEvent(new Event('change'));
    expect(withAction.seen[0]!.case!.want!.actions).toEqual([{ id: 'iap', due: '2025-03-08' }]);
    const exact = withAction.el.shadowRoot!.querySelector<HTMLInputElement>('#exact')!;
    exact.checked = true;
    exact.dispatchEvent(new Event('change'));
    expect(withAction.seen[1]!.case!.want!.actionsExact).toBe(true);
  });

  it('keeps a visit\'s other expectations when its next due date changes', async () => {
    const c = { ...silver, want: { schedule: [{ id: 'annual', nextDue: '2026-03-01', everyMonths: 12 }] } };
    const { el, seen } = await editor(c);
    const visits = el.shadowRoot!.querySelectorAll('qaf-pick-list')[2]!;
    const date = visits.shadowRoot!.querySelector<HTMLInputElement>('input[type="date"]')!;
    date.value = '';
    date.dispatchEvent(new Event('change'));
    expect(seen[0]!.case!.want!.schedule).toEqual([{ id: 'annual', everyMonths: 12 }]);
  });

  it('shows the engine\'s problems at the field they concern', async () => {
    const el = await mount('qaf-expectation-editor', { pack, case: { ...silver, want: { actions: ['nope'] } }, base: '/cases/0',
      problems: [{ pointer: '/cases/0/want/actions/0', message: 'Case "safe-silver-at-2" expects unknown action "nope".' }] });
    expect(el.shadowRoot!.querySelector('qaf-pick-list')!.shadowRoot!.querySelector('.field-error')!.textContent).toContain('unknown action "nope"');
  });

  it('warns when a case expects nothing, since it could never fail', async () => {
    const { el } = await editor({ ...silver, want: {} });
    expect(text(el)).toContain('This case expects nothing yet, so it cannot fail.');
  });
});

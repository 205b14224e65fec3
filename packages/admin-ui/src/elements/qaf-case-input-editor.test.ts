import { describe, expect, it } from 'vitest';
import { casePack } from '../pack/case-pack.test-helpers.js';
import type { CaseChange } from './qaf-expectation-editor.js';
import { chosen, mount } from './mount.test-helpers.js';
import './qaf-case-input-editor.js';

const pack = casePack();
const silver = pack.cases![0]!;

async function editor() {
  const el = await mount('qaf-case-input-editor', { pack, case: silver, base: '/cases/0' });
  const seen: CaseChange[] = [];
  el.addEventListener('case-change', (e) => seen.push((e as CustomEvent<CaseChange>).detail));
  return { el, seen, $: <T extends Element>(s: string) => el.shadowRoot!.querySelector<T>(s)! };
}

function choose(select: HTMLSelectElement | HTMLInputElement, value: string) {
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

describe('qaf-case-input-editor', () => {
  it('groups criterion judgements by domain, each select labelled with the criterion and showing the fill', async () => {
    const { $ } = await editor();
    expect($('summary').textContent).toContain('Safe');
    expect($('summary').textContent).toContain('1 of 3 set in this case');
    const s01 = $<HTMLSelectElement>('#j-s-01');
    expect($(`label[for="j-s-01"]`).textContent).toContain('s-01 People are kept safe');
    expect([...s01.options].map((o) => o.textContent)).toEqual(['Not set (Fully met)', 'Not met', 'Partly met', 'Fully met']);
    expect([...$<HTMLSelectElement>('#j-s-03').options].map((o) => o.value)).toContain('Exceptional');
    expect(chosen($<HTMLSelectElement>('#j-s-03'))).toBe('Partly met');
  });

  it('sets a judgement, leaves one to the fill, and changes the fill', async () => {
    const { $, seen } = await editor();
    choose($('#j-s-01'), 'Not met');
    choose($('#j-s-03'), '');
    choose($('#fill-all'), 'Partly met');
    choose($('#fill-safe'), 'Not met');
    expect(seen.map((s) => s.pointer)).toEqual(['/cases/0/input/judgements/s-01', '/cases/0/input/judgements/s-03', '/cases/0/fillJudgements', '/cases/0/fillJudgements']);
    expect(seen[0]!.case!.input.judgements).toEqual({ 's-03': 'Partly met', 's-01': 'Not met' });
    expect(seen[1]!.case!.input).not.toHaveProperty('judgements');
    expect(seen[2]!.case!.fillJudgements).toBe('Partly met');
    expect(seen[3]!.case!.fillJudgements).toEqual({ '*': 'Fully met', safe: 'Not met' });
  });

  it('records a fact from the scale, adds a yes/no fact only once it is chosen, and removes one', async () => {
    const { el, $, seen } = await editor();
    choose($('#fact-cqcRating'), 'Outstanding');
    expect(seen[0]!.case!.input.facts).toEqual({ cqcRating: 'Outstanding' });
    choose($('#add-fact'), 'concernsRaised');
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Add the fact')!.click();
    await el.updateComplete;
    expect(seen).toHaveLength(1);
    expect(chosen($<HTMLSelectElement>('#fact-concernsRaised'))).toBe('');
    choose($('#fact-concernsRaised'), 'yes');
    expect(seen[1]!.case!.input.facts).toEqual({ cqcRating: 'Good', concernsRaised: true });
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Remove: CQC rating')!.click();
    expect(seen[2]!.case!.input.facts).toEqual({});
  });

  it('refuses an empty visit date at the field and keeps it out of the case', async () => {
    const { el, $, seen } = await editor();
    choose($('#date'), '');
    await el.updateComplete;
    expect(seen).toEqual([{ pointer: '/cases/0/input/date', problem: 'Enter the date of the visit.' }]);
    expect($('#date').getAttribute('aria-invalid')).toBe('true');
    expect(el.shadowRoot!.querySelector('.field-error')!.textContent).toBe('Enter the date of the visit.');
    choose($('#as-of'), '2025-06-01');
    expect(seen[1]!.case!.asOf).toBe('2025-06-01');
  });

  it('shows the engine\'s problem with a judgement at its criterion', async () => {
    const el = await mount('qaf-case-input-editor', { pack, case: silver, base: '/cases/0',
      problems: [{ pointer: '/cases/0/input/judgements/s-01', message: 'Case "safe-silver-at-2" judges "s-01" as "Exceptional", which that criterion cannot take.' }] });
    expect(el.shadowRoot!.querySelector('#j-s-01')!.getAttribute('aria-invalid')).toBe('true');
    expect(el.shadowRoot!.querySelector('.criterion .field-error')!.textContent).toContain('which that criterion cannot take');
  });
});

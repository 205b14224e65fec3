import { compilePack, evaluate, type Pack } from '@openqaf/engine';
import { testPack } from '../pack/test-pack.test-helpers.js';
import { describe, expect, it } from 'vitest';
import { mount, text } from './mount.test-helpers.js';
import { longDate, type RecordDecisionDetail } from './qaf-proposals.js';
import './qaf-proposals.js';

const judgements = { 's-01': 'Fully met', 's-02': 'Partly met', 's-03': 'Partly met' };

function panelPack(): Pack {
  const pack = testPack();
  const id = pack.outcomes.headline;
  const d = pack.decisions[id]!;
  d.decidedBy = { role: 'multi-agency-panel', label: 'the multi-agency panel', within: { workingDays: 10 }, source: d.rules![0]!.source };
  return pack;
}

describe('qaf-proposals', () => {
  it('shows each proposal in words and records the decision with its reason', async () => {
    const pack = panelPack();
    // Monday 4 January 2027: ten working days later is Monday 18 January.
    const determination = evaluate(compilePack(pack), { date: '2027-01-04', judgements: { 's-01': 'Fully met', 's-02': 'Partly met', 's-03': 'Partly met' }, facts: {} });
    const el = await mount('qaf-proposals', { pack, determination, canRecord: true });
    expect(text(el)).toContain('Proposed: Bronze. To be decided by the multi-agency panel, by 18 January 2027.');
    let recorded: RecordDecisionDetail | undefined;
    el.addEventListener('record-decision', (e) => { recorded = (e as CustomEvent<RecordDecisionDetail>).detail; });
    const form = el.shadowRoot!.querySelector('form')!;
    (form.elements.namedItem('value') as HTMLSelectElement).value = 'Silver';
    (form.elements.namedItem('reason') as HTMLTextAreaElement).value = 'Panel agreed improvements are in place';
    form.requestSubmit();
    expect(recorded).toEqual({ decision: pack.outcomes.headline, value: 'Silver', reason: 'Panel agreed improvements are in place' });
  }, 20_000);

  it('shows nothing when no decision awaits a person, and no form to a viewer', async () => {
    const pack = testPack();
    const determination = evaluate(compilePack(pack), { date: '2025-03-01', judgements, facts: {} });
    expect(text(await mount('qaf-proposals', { pack, determination, canRecord: true })).trim()).toBe('');
    const pending = evaluate(compilePack(panelPack()), { date: '2025-03-01', judgements, facts: {} });
    expect((await mount('qaf-proposals', { pack: panelPack(), determination: pending, canRecord: false })).shadowRoot!.querySelector('form')).toBeNull();
  });

  it('offers only the values a person may record (decidedBy.values), not the pack\'s meanwhile states', async () => {
    const pack = panelPack();
    pack.decisions[pack.outcomes.headline]!.decidedBy!.values = ['Gold', 'Silver'];
    const determination = evaluate(compilePack(pack), { date: '2027-01-04', judgements, facts: {} });
    const el = await mount('qaf-proposals', { pack, determination, canRecord: true });
    const options = [...el.shadowRoot!.querySelectorAll('select[name="value"] option')].map((o) => o.textContent);
    // The proposal (Bronze) is not recordable here: nothing is chosen for the person.
    expect(options).toEqual(['Choose the decision', 'Gold', 'Silver']);
    expect(el.shadowRoot!.querySelector<HTMLSelectElement>('select[name="value"]')!.value).toBe('');
    // Without decidedBy.values every value of the scale is offered.
    const all = await mount('qaf-proposals', { pack: panelPack(), determination, canRecord: true });
    expect(all.shadowRoot!.querySelectorAll('select[name="value"] option').length).toBe((pack.scales[pack.decisions[pack.outcomes.headline]!.scale] as { values: string[] }).values.length);
  });

  it('names a decision taken per domain by its label and the domain\'s title, not by its id', async () => {
    const pack = testPack();
    const domainRating = pack.decisions.domainRating!;
    domainRating.decidedBy = { role: 'team-manager', label: 'the team manager', source: domainRating.rules![0]!.source };
    const determination = evaluate(compilePack(pack), { date: '2027-01-04', judgements, facts: {} });
    const el = await mount('qaf-proposals', { pack, determination, canRecord: false });
    expect(text(el)).toContain('Domain rating: Safe:');
    expect(text(el)).not.toContain('domainRating.safe');
    expect(el.shadowRoot!.querySelector('section')!.getAttribute('aria-label')).toBe('Domain rating: Safe: proposal');
  });

  it('writes dates as the council does', () => {
    expect(longDate('2027-01-12')).toBe('12 January 2027');
  });
});

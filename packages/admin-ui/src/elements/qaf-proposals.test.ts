import { compilePack, evaluate, type Pack } from '@openqaf/engine';
import { testPack } from '../pack/test-pack.test-helpers.js';
import { describe, expect, it } from 'vitest';
import { mount, text } from './mount.test-helpers.js';
import type { RecordDecisionDetail } from './qaf-proposals.js';
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
  it('asks to confirm with a reason a decision recorded without one that the framework now departs from, with the form to record it again', async () => {
    const pack = panelPack();
    const id = pack.outcomes.headline;
    pack.decisions[id]!.decidedBy!.reasonRequired = 'when-departing';
    // Recorded earlier without a reason as Silver; determined again, the rules give Bronze: it stands, marked departsWithoutReason.
    const determination = evaluate(compilePack(pack), { date: '2026-03-02', judgements, facts: {}, decisions: { [id]: { value: 'Silver', by: 'A. Officer', at: '2026-03-03' } } }, { recordedEarlier: [id] });
    expect(determination.decidedBy?.[id]?.departsWithoutReason).toBe(true);
    const el = await mount('qaf-proposals', { pack, determination, canRecord: true });
    expect(text(el)).toContain('Recorded: Silver, by A. Officer on 3 March 2026, without a reason. The framework now proposes Bronze. Confirm it with a reason. To be confirmed by the multi-agency panel, by 16 March 2026.');
    const form = el.shadowRoot!.querySelector('form')!;
    // The recorded value is the one chosen (the test DOM does not apply a late `selected`; the browser test sees the select's value).
    expect(form.querySelector<HTMLOptionElement>('option[selected]')!.value).toBe('Silver');
    (form.elements.namedItem('value') as HTMLSelectElement).value = 'Silver';
    expect((form.elements.namedItem('reason') as HTMLTextAreaElement).required).toBe(true);
    let recorded: RecordDecisionDetail | undefined;
    el.addEventListener('record-decision', (e) => { recorded = (e as CustomEvent<RecordDecisionDetail>).detail; });
    form.requestSubmit();
    expect(recorded).toBeUndefined();
    (form.elements.namedItem('reason') as HTMLTextAreaElement).value = 'The registered manager has been replaced';
    form.requestSubmit();
    expect(recorded).toEqual({ decision: id, value: 'Silver', reason: 'The registered manager has been replaced' });
  }, 20_000);

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

  describe('the reason for departing from the proposal (decidedBy.reasonRequired)', () => {
    const departing = async (rule: 'when-departing' | 'always') => {
      const pack = panelPack();
      pack.decisions[pack.outcomes.headline]!.decidedBy!.reasonRequired = rule;
      // Bronze is proposed (one Fully met, two Partly met).
      const determination = evaluate(compilePack(pack), { date: '2027-01-04', judgements, facts: {} });
      const el = await mount('qaf-proposals', { pack, determination, canRecord: true });
      const recorded: RecordDecisionDetail[] = [];
      el.addEventListener('record-decision', (e) => { recorded.push((e as CustomEvent<RecordDecisionDetail>).detail); });
      const form = el.shadowRoot!.querySelector('form')!;
      const reason = form.elements.namedItem('reason') as HTMLTextAreaElement;
      const choose = async (value: string) => {
        const select = form.elements.namedItem('value') as HTMLSelectElement;
        select.value = value;
        select.dispatchEvent(new Event('change'));
        await el.updateComplete;
      };
      return { pack, el, form, reason, choose, recorded };
    };
    const describedBy = (el: Element, field: HTMLElement) => (field.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean).map((id) => el.shadowRoot!.getElementById(id)?.textContent?.trim());

    it('asks for no reason while the chosen value is the proposal, and requires one once it departs', async () => {
      const { pack, el, reason, choose, form, recorded } = await departing('when-departing');
      expect(reason.required).toBe(false);
      expect(reason.hasAttribute('aria-describedby')).toBe(false);
      await choose('Silver');
      expect(reason.required).toBe(true);
      expect(describedBy(el, reason)).toEqual(['Required: the decision departs from the proposal (Bronze).']);
      // A reason of spaces is no reason: nothing is recorded, and the field says why.
      reason.value = '   ';
      form.dispatchEvent(new Event('submit', { cancelable: true }));
      await el.updateComplete;
      expect(recorded).toEqual([]);
      expect(reason.getAttribute('aria-invalid')).toBe('true');
      expect(describedBy(el, reason)).toEqual(['Required: the decision departs from the proposal (Bronze).', 'Give the reason. Required: the decision departs from the proposal (Bronze).']);
      reason.value = 'Improvements seen at the follow-up visit';
      form.dispatchEvent(new Event('submit', { cancelable: true }));
      await el.updateComplete;
      expect(recorded).toEqual([{ decision: pack.outcomes.headline, value: 'Silver', reason: 'Improvements seen at the follow-up visit' }]);
      expect(reason.hasAttribute('aria-invalid')).toBe(false);
      await choose('Bronze');
      expect(reason.required).toBe(false);
    });

    it('requires the reason for every value when the pack always asks for one', async () => {
      const { el, reason } = await departing('always');
      expect(reason.required).toBe(true);
      expect(describedBy(el, reason)).toEqual(['Required: the framework asks for the reason for every decision.']);
    });

    it("shows the server's refusal at the field it names (aria-invalid, the message linked by aria-describedby)", async () => {
      const { pack, el, reason } = await departing('when-departing');
      const id = pack.outcomes.headline;
      el.errors = { [`/decisions/${id}/reason`]: 'The reason is missing: the pack requires the multi-agency panel to say why.' };
      await el.updateComplete;
      expect(reason.getAttribute('aria-invalid')).toBe('true');
      expect(describedBy(el, reason)).toEqual(['The reason is missing: the pack requires the multi-agency panel to say why.']);
      el.errors = { [`/decisions/${id}/value`]: 'Must be one of "Bronze", "Silver".' };
      await el.updateComplete;
      const select = el.shadowRoot!.querySelector('select')!;
      expect([select.getAttribute('aria-invalid'), describedBy(el, select)]).toEqual(['true', ['Must be one of "Bronze", "Silver".']]);
      expect(reason.hasAttribute('aria-invalid')).toBe(false);
    });
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
});

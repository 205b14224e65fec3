import { describe, expect, it } from 'vitest';
import type { Pack } from '@openqaf/engine';
import type { Visit } from '../api/visits-api.js';
import { assessmentFormModel } from '../pack/assessment-form-model.js';
import { testPack } from '../pack/test-pack.test-helpers.js';
import { fakeServer, fill, json, settled } from './fake-server.test-helpers.js';
import type { SeenRequest } from './fake-server.test-helpers.js';
import { mount, text } from './mount.test-helpers.js';
import type { QafVisitForm } from './qaf-visit-form.js';
import './qaf-visit-form.js';

const visit = (over: Partial<Visit> = {}): Visit => ({
  id: 'v1', providerId: 'p1', status: 'draft', revision: 1, assessmentId: null, determinationFinal: false, createdBy: 'u1', updatedAt: '2026-12-01T10:00:00Z',
  draft: { date: '2026-12-01', judgements: { 's-01': 'Fully met', 's-03': 'Exceptional' }, facts: { cqcRating: 'Good' } },
  prefilled: { cqcRating: 'Good' }, factsConfirmed: null, events: [], evidence: [], decisionsRecorded: [], etag: '"1"', ...over,
});

/** The form with a fake server answering every draft save with the next revision. */
async function form(v: Visit, pack: Pack = testPack()) {
  let revision = v.revision;
  const seen = fakeServer((req) => {
    if (req.method === 'PUT' && req.url.pathname.endsWith('/draft')) {
      revision += 1;
      return new Response(JSON.stringify({ ...v, revision }), { headers: { 'content-type': 'application/json', etag: `"${revision}"` } });
    }
    return req.url.pathname.endsWith('/preview') ? json({ error: { status: 422, code: 'x', message: 'not in this test' } }, 422) : undefined;
  });
  const el = (await mount('qaf-visit-form', { council: 'testshire', providerName: 'Acme Care', packVersion: '1.0.0', pack, model: assessmentFormModel(pack), visit: v })) as QafVisitForm;
  return { el, seen };
}

/** Saves what is pending now (the form saves by itself after a pause; the test does not wait for it). */
async function saveNow(el: QafVisitForm) {
  await (el as unknown as { _flush(): Promise<void> })._flush();
  await settled(el);
}

const saves = (seen: SeenRequest[]) => seen.filter((r) => r.method === 'PUT').map((r) => r.body as Record<string, unknown>);
const confirmBox = (el: QafVisitForm) => el.shadowRoot!.getElementById('confirm-prefilled') as HTMLInputElement;

// The fake server stays stubbed after each test: the form saves what is pending when it is removed.

describe('qaf-visit-form', () => {
  it('saves the tick "the facts from the provider record are right" with the draft, and resumes it ticked', async () => {
    const { el, seen } = await form(visit());
    expect(confirmBox(el).checked).toBe(false);
    confirmBox(el).checked = true;
    confirmBox(el).dispatchEvent(new Event('change'));
    expect(el.unsaved).toBe(true);
    await saveNow(el);
    expect(saves(seen).at(-1)).toMatchObject({ factsConfirmed: true, facts: { cqcRating: 'Good' } });

    const resumed = await form(visit({ factsConfirmed: { by: 'u1', at: '2026-12-01T10:00:00Z', facts: { cqcRating: 'Good' } } }));
    expect(confirmBox(resumed.el).checked).toBe(true);
  });

  it('clears the tick when a fact from the provider record is changed, and saves it cleared', async () => {
    const { el, seen } = await form(visit({ factsConfirmed: { by: 'u1', at: '2026-12-01T10:00:00Z', facts: { cqcRating: 'Good' } } }));
    fill(el, 'f-cqcRating', 'Outstanding');
    await el.updateComplete;
    expect(confirmBox(el).checked).toBe(false);
    await saveNow(el);
    expect(saves(seen).at(-1)).toMatchObject({ factsConfirmed: false, facts: { cqcRating: 'Outstanding' } });
  });

  it('rebuilt for another framework version, keeps the judgements whose criteria remain and tells the officer', async () => {
    const { el, seen } = await form(visit());
    const dates: string[] = [];
    el.addEventListener('visit-date-change', (e) => dates.push((e as CustomEvent<string>).detail));
    fill(el, 'date', '2024-06-01');
    expect(dates).toEqual(['2024-06-01']);
    // The page gives the form the version in force on that date: here one without "Learning is shared" (s-03).
    const older = testPack();
    const standard = older.framework!.domains[0]!.standards[0]!;
    standard.criteria = standard.criteria.filter((c) => c.id !== 's-03');
    el.packVersion = '0.9.0';
    el.pack = older;
    el.model = assessmentFormModel(older);
    await settled(el);
    expect(text(el)).toContain('The form has changed: the visit date falls under framework version 0.9.0');
    expect(text(el)).toContain('1 judgement kept; 1 removed because their criterion is not in this version.');
    expect(el.shadowRoot!.getElementById('j-s-03')).toBeNull();
    await saveNow(el);
    expect(saves(seen).at(-1)).toMatchObject({ date: '2024-06-01', judgements: { 's-01': 'Fully met' } });
    expect((saves(seen).at(-1)!.judgements as Record<string, string>)['s-03']).toBeUndefined();
  });

  it('stops the page being left while a change is not yet saved, and not once it is', async () => {
    const { el } = await form(visit());
    const leave = () => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(leave()).toBe(false);
    (el.shadowRoot!.getElementById('j-s-02') as HTMLInputElement).dispatchEvent(new Event('change'));
    expect(leave()).toBe(true);
    await saveNow(el);
    expect(leave()).toBe(false);
  });

  it("shows the server's refusal of a decision recorded in the draft at that decision's reason, and lets the officer give it", async () => {
    const pack = testPack();
    const id = pack.outcomes.headline;
    const v = visit({ draft: { ...visit().draft, decisions: { [id]: { value: 'Silver' } } } as Visit['draft'] });
    let revision = v.revision;
    const seen = fakeServer((req) => {
      if (req.method === 'PUT' && req.url.pathname.endsWith('/draft')) {
        revision += 1;
        return new Response(JSON.stringify({ ...v, revision }), { headers: { 'content-type': 'application/json', etag: `"${revision}"` } });
      }
      if (req.url.pathname.endsWith('/submit')) {
        return json({ error: { status: 422, code: 'invalid-assessment', message: 'The assessment is not valid', details: [{ pointer: `/decisions/${id}/reason`, fact: id, message: 'The reason is missing: the decision departs from the proposal "Bronze".' }] } }, 422);
      }
      return req.url.pathname.endsWith('/preview') ? json({ error: { status: 422, code: 'x', message: 'not in this test' } }, 422) : undefined;
    });
    const el = (await mount('qaf-visit-form', { council: 'testshire', providerName: 'Acme Care', packVersion: '1.0.0', pack, model: assessmentFormModel(pack), visit: v })) as QafVisitForm;
    await (el as unknown as { _submit(): Promise<void> })._submit();
    await settled(el);
    const reason = el.shadowRoot!.getElementById(`d-${id}`) as HTMLTextAreaElement;
    const label = pack.decisions[id]!.label;
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(el.shadowRoot!.getElementById(reason.getAttribute('aria-describedby')!)!.textContent).toBe(`${label}: The reason is missing: the decision departs from the proposal "Bronze".`);
    // The error summary links to that field, not to the visit date.
    expect(el.shadowRoot!.querySelector('qaf-error-summary')!.shadowRoot!.querySelector('a')!.getAttribute('href')).toBe(`#d-${id}`);
    reason.value = 'Improvements seen since the last visit';
    reason.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(reason.getAttribute('aria-invalid')).toBe('false');
    await saveNow(el);
    expect(saves(seen).at(-1)!.decisions).toEqual({ [id]: { value: 'Silver', reason: 'Improvements seen since the last visit' } });
    // "Decide again" takes the decision out of the draft, so the proposal is made again.
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Decide again')!.click();
    await saveNow(el);
    expect(saves(seen).at(-1)!.decisions).toEqual({});
  });
});
